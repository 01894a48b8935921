using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Catalog;
using AadstsTools.Output;

namespace AadstsTools.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: implements the engine's output over PSCmdlet and turns Ctrl+C into
    /// cancellation of the engine's work.
    /// </summary>
    public abstract class AadstsCmdlet : PSCmdlet, IEngineOutput
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        CancellationToken IEngineOutput.CancellationToken => _stopping.Token;

        /// <summary>The engine's view of this cmdlet.</summary>
        protected IEngineOutput Output => this;

        protected CancellationToken CancellationToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs async engine work, writing its output on the pipeline thread as it comes.</summary>
        protected void RunEngine(Func<IEngineOutput, Task> work) => MarshallingOutput.Run(this, work);

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

        void IEngineOutput.WriteObject(object item) => WriteObject(item);

        void IEngineOutput.WriteError(EngineError error) => WriteError(ToErrorRecord(error));

        void IEngineOutput.WriteWarning(string message) => WriteWarning(message);

        void IEngineOutput.WriteVerbose(string message) => WriteVerbose(message);

        void IEngineOutput.WriteDebug(string message) => WriteDebug(message);

        void IEngineOutput.WriteProgress(ProgressUpdate progress)
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

            WriteProgress(record);
        }

        bool IEngineOutput.ShouldProcess(string target, string action) => Approve(target, action);

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
    }

    /// <summary>The exception behind the module's error records.</summary>
    public sealed class AadstsException : Exception
    {
        public AadstsException(string message, Exception? inner)
            : base(message, inner)
        {
        }
    }
}
