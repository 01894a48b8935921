using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.Output;

public class MarshallingOutputTests
{
    [Fact]
    public void Calls_from_worker_threads_run_on_the_calling_thread_in_order()
    {
        int caller = Environment.CurrentManagedThreadId;
        var threads = new List<int>();
        var target = new ThreadRecordingOutput(threads);

        MarshallingOutput.Run(target, async output =>
        {
            for (int i = 0; i < 50; i++)
            {
                await Task.Yield();
                output.WriteObject(i);
            }
        });

        Assert.Equal(Enumerable.Range(0, 50).Cast<object>(), target.Objects);
        Assert.All(threads, t => Assert.Equal(caller, t));
    }

    [Fact]
    public void ShouldProcess_is_answered_on_the_calling_thread()
    {
        var recording = new RecordingOutput((target, _) => target == "yes");
        var answers = new List<bool>();

        MarshallingOutput.Run(recording, async output =>
        {
            await Task.Delay(1);
            answers.Add(output.ShouldProcess("yes", "Reset"));
            answers.Add(output.ShouldProcess("no", "Reset"));
        });

        Assert.Equal(new[] { true, false }, answers);
        Assert.Equal(2, recording.ShouldProcessCalls.Count);
    }

    [Fact]
    public void Work_exceptions_come_back_unwrapped()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MarshallingOutput.Run(new RecordingOutput(), async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", ex.Message);
    }

    [Fact]
    public async Task A_refusing_pipeline_ends_the_works_waits()
    {
        var target = new ThrowingOutput();
        var finished = new TaskCompletionSource<Exception?>();

        Assert.Throws<OperationCanceledException>(() => MarshallingOutput.Run(target, async output =>
        {
            await Task.Yield();
            try
            {
                output.WriteObject("first");
                output.ShouldProcess("x", "y");
                finished.SetResult(null);
            }
            catch (Exception ex)
            {
                finished.SetResult(ex);
            }
        }));

        Task done = await Task.WhenAny(finished.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(done == finished.Task, "the work stayed blocked");
    }

    private sealed class ThreadRecordingOutput(List<int> threads) : IEngineOutput
    {
        public List<object> Objects { get; } = new();

        public CancellationToken CancellationToken => default;

        public void WriteObject(object item)
        {
            threads.Add(Environment.CurrentManagedThreadId);
            Objects.Add(item);
        }

        public void WriteError(EngineError error) => threads.Add(Environment.CurrentManagedThreadId);

        public void WriteWarning(string message) => threads.Add(Environment.CurrentManagedThreadId);

        public void WriteVerbose(string message) => threads.Add(Environment.CurrentManagedThreadId);

        public void WriteDebug(string message) => threads.Add(Environment.CurrentManagedThreadId);

        public void WriteProgress(ProgressUpdate progress) => threads.Add(Environment.CurrentManagedThreadId);

        public bool ShouldProcess(string target, string action) => true;
    }

    private sealed class ThrowingOutput : IEngineOutput
    {
        public CancellationToken CancellationToken => default;

        public void WriteObject(object item) => throw new OperationCanceledException("pipeline stopped");

        public void WriteError(EngineError error) => throw new OperationCanceledException();

        public void WriteWarning(string message) => throw new OperationCanceledException();

        public void WriteVerbose(string message) => throw new OperationCanceledException();

        public void WriteDebug(string message) => throw new OperationCanceledException();

        public void WriteProgress(ProgressUpdate progress) => throw new OperationCanceledException();

        public bool ShouldProcess(string target, string action) => throw new OperationCanceledException();
    }
}
