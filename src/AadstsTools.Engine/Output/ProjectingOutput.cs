using System;
using System.Threading;

namespace AadstsTools.Output
{
    /// <summary>Passes everything through, turning each written object into another (e.g. -Quiet's true/false).</summary>
    public sealed class ProjectingOutput : IEngineOutput
    {
        private readonly IEngineOutput _inner;
        private readonly Func<object, object> _project;

        public ProjectingOutput(IEngineOutput inner, Func<object, object> project)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _project = project ?? throw new ArgumentNullException(nameof(project));
        }

        public CancellationToken CancellationToken => _inner.CancellationToken;

        public void WriteObject(object item) => _inner.WriteObject(_project(item));

        public void WriteError(EngineError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public void WriteProgress(ProgressUpdate progress) => _inner.WriteProgress(progress);

        public bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);
    }
}
