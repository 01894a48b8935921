using System.Management.Automation;
using System.Threading;
using AadstsTools.Output;

namespace AadstsTools.Infrastructure
{
    /// <summary>For setup steps whose errors must stop the command (no connection): errors terminate.</summary>
    internal sealed class TerminatingOutput : IEngineOutput
    {
        private readonly AadstsCmdlet _cmdlet;

        public TerminatingOutput(AadstsCmdlet cmdlet) => _cmdlet = cmdlet;

        public CancellationToken CancellationToken => default;

        public void WriteObject(object item) => _cmdlet.WriteObject(item);

        public void WriteError(EngineError error) => _cmdlet.ThrowTerminatingError(AadstsCmdlet.ToErrorRecord(error));

        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);

        public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

        public void WriteProgress(ProgressUpdate progress)
        {
        }

        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);
    }
}
