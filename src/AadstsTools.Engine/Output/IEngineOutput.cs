using System.Threading;

namespace AadstsTools.Output
{
    /// <summary>
    /// Where the engine reports: results, errors, warnings, verbose and debug text, progress, and the
    /// ShouldProcess question. A cmdlet implements it over PSCmdlet, the CLI over the console, and tests
    /// record everything it receives.
    /// </summary>
    public interface IEngineOutput
    {
        void WriteObject(object item);

        /// <summary>A non-terminating error: the current input failed, the others go on.</summary>
        void WriteError(EngineError error);

        void WriteWarning(string message);

        void WriteVerbose(string message);

        void WriteDebug(string message);

        void WriteProgress(ProgressUpdate progress);

        /// <summary>True when the change to <paramref name="target"/> may go ahead (-WhatIf answers false).</summary>
        bool ShouldProcess(string target, string action);

        /// <summary>Signalled when the user stops the command (Ctrl+C).</summary>
        CancellationToken CancellationToken { get; }
    }
}
