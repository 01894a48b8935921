using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Catalog;
using AadstsTools.Output;

namespace AadstsTools.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: gives the engine an output over PSCmdlet and turns Ctrl+C into cancellation of the
    /// engine's work.
    /// </summary>
    /// <remarks>
    /// Public types of this assembly must load without the engine: PowerShell enumerates them before the module
    /// initializer has made the engine (in Dependencies/) resolvable. So the engine's output interface is
    /// implemented by a private nested class, never by this class or a cmdlet (a test checks).
    /// </remarks>
    public abstract class AadstsCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private CmdletOutput? _output;

        /// <summary>The engine's view of this cmdlet.</summary>
        protected IEngineOutput Output => _output ??= new CmdletOutput(this, _stopping.Token);

        protected CancellationToken CancellationToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs async engine work, writing its output on the pipeline thread as it comes.</summary>
        protected void RunEngine(Func<IEngineOutput, Task> work)
        {
            try
            {
                MarshallingOutput.Run(Output, work);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: end the way PowerShell expects a stopped pipeline to end, not with an error.
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// The catalog with the overlay at <paramref name="overlayPath"/> (or $env:AADSTS_CATALOG_OVERLAY); a broken
        /// overlay is a warning, never the loss of the built-in catalog.
        /// </summary>
        protected GuidanceCatalog LoadCatalog(string? overlayPath)
        {
            string? path = overlayPath == null ? null : GetUnresolvedProviderPathFromPSPath(overlayPath);
            try
            {
                return GuidanceCatalog.Load(path);
            }
            catch (CatalogFileException ex)
            {
                WriteWarning(ex.Message + " The built-in catalog is used without the overlay.");
                return GuidanceCatalog.BuiltIn;
            }
        }

        /// <summary>Wraps pipeline input so the engine can read its properties by name.</summary>
        protected static object? Unwrap(object? input)
        {
            if (input is PSObject wrapped)
            {
                object baseObject = wrapped.BaseObject;
                if (baseObject is string || baseObject is ValueType)
                {
                    return baseObject;
                }

                return new PSObjectPropertySource(wrapped);
            }

            return input;
        }

        /// <summary>The engine's ShouldProcess question; commands with -Force answer it themselves.</summary>
        protected virtual bool Approve(string target, string action) => ShouldProcess(target, action);

        internal static ErrorRecord ToErrorRecord(EngineError error)
        {
            ErrorCategory category = Enum.TryParse(error.Kind.ToString(), out ErrorCategory parsed) ? parsed : ErrorCategory.NotSpecified;
            Exception exception = error.Exception != null && error.Exception.Message == error.Message
                ? error.Exception
                : new AadstsException(error.Message, error.Exception);
            var record = new ErrorRecord(exception, error.ErrorId, category, error.TargetObject);
            if (error.RecommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction };
            }

            return record;
        }

        /// <summary>The engine's output, written through the cmdlet.</summary>
        private sealed class CmdletOutput : IEngineOutput
        {
            private readonly AadstsCmdlet _cmdlet;

            public CmdletOutput(AadstsCmdlet cmdlet, CancellationToken cancellationToken)
            {
                _cmdlet = cmdlet;
                CancellationToken = cancellationToken;
            }

            public CancellationToken CancellationToken { get; }

            public void WriteObject(object item) => _cmdlet.WriteObject(item);

            public void WriteError(EngineError error) => _cmdlet.WriteError(ToErrorRecord(error));

            public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

            public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);

            public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

            public void WriteProgress(ProgressUpdate progress)
            {
                var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
                {
                    PercentComplete = progress.PercentComplete,
                    RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                };
                if (progress.CurrentOperation != null)
                {
                    record.CurrentOperation = progress.CurrentOperation;
                }

                _cmdlet.WriteProgress(record);
            }

            public bool ShouldProcess(string target, string action) => _cmdlet.Approve(target, action);
        }
    }
}
