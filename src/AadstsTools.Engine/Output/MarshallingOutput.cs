using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AadstsTools.Output
{
    /// <summary>
    /// Lets async engine work report from any thread to an output that must only be called from one thread
    /// (a PowerShell pipeline). <see cref="Run"/> starts the work and, on the calling thread, carries out
    /// every call the work makes, in order, until the work ends.
    /// </summary>
    public sealed class MarshallingOutput : IEngineOutput
    {
        private readonly IEngineOutput _target;
        private readonly BlockingCollection<Action> _calls = new BlockingCollection<Action>();
        private readonly int _ownerThread;
        private readonly ConcurrentDictionary<TaskCompletionSource<bool>, bool> _pendingAnswers = new ConcurrentDictionary<TaskCompletionSource<bool>, bool>();

        private MarshallingOutput(IEngineOutput target)
        {
            _target = target;
            _ownerThread = Environment.CurrentManagedThreadId;
        }

        public CancellationToken CancellationToken => _target.CancellationToken;

        /// <summary>Runs <paramref name="work"/> and pumps its output calls on this thread until it completes.</summary>
        public static void Run(IEngineOutput target, Func<IEngineOutput, Task> work)
        {
            if (target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            var output = new MarshallingOutput(target);
            Task task = Task.Run(async () =>
            {
                try
                {
                    await work(output).ConfigureAwait(false);
                }
                finally
                {
                    output._calls.CompleteAdding();
                }
            });

            try
            {
                foreach (Action call in output._calls.GetConsumingEnumerable())
                {
                    call();
                }
            }
            catch
            {
                // The pipeline refused a call (e.g. it is stopping): end the work's waits and let its
                // further calls fail fast instead of blocking forever.
                output.Abandon();
                throw;
            }

            // Rethrows the work's own exception, not an AggregateException.
            task.GetAwaiter().GetResult();
        }

        public void WriteObject(object item) => Post(() => _target.WriteObject(item));

        public void WriteError(EngineError error) => Post(() => _target.WriteError(error));

        public void WriteWarning(string message) => Post(() => _target.WriteWarning(message));

        public void WriteVerbose(string message) => Post(() => _target.WriteVerbose(message));

        public void WriteDebug(string message) => Post(() => _target.WriteDebug(message));

        public void WriteProgress(ProgressUpdate progress) => Post(() => _target.WriteProgress(progress));

        public bool ShouldProcess(string target, string action)
        {
            if (Environment.CurrentManagedThreadId == _ownerThread)
            {
                return _target.ShouldProcess(target, action);
            }

            // The question has to be asked on the pipeline thread; wait here for its answer.
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pendingAnswers[answer] = true;
            try
            {
                _calls.Add(() =>
                {
                    try
                    {
                        answer.TrySetResult(_target.ShouldProcess(target, action));
                    }
                    catch (Exception ex)
                    {
                        answer.TrySetException(ex);
                        throw;
                    }
                });
                return answer.Task.GetAwaiter().GetResult();
            }
            finally
            {
                _pendingAnswers.TryRemove(answer, out _);
            }
        }

        private void Abandon()
        {
            _calls.CompleteAdding();
            foreach (var pending in _pendingAnswers.Keys)
            {
                pending.TrySetCanceled();
            }
        }

        private void Post(Action call)
        {
            if (Environment.CurrentManagedThreadId == _ownerThread)
            {
                call();
            }
            else
            {
                _calls.Add(call);
            }
        }
    }
}
