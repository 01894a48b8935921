using System.Collections.Concurrent;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>Records everything the engine reports, for assertions.</summary>
public sealed class RecordingOutput : IEngineOutput
{
    private readonly Func<string, string, bool> _shouldProcess;
    private readonly ConcurrentQueue<(string Kind, object Value)> _all = new();

    public RecordingOutput(Func<string, string, bool>? shouldProcess = null, CancellationToken cancellation = default)
    {
        _shouldProcess = shouldProcess ?? ((_, _) => true);
        CancellationToken = cancellation;
    }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<object> Objects => Of<object>("object");

    public IReadOnlyList<EngineError> Errors => Of<EngineError>("error");

    public IReadOnlyList<string> Warnings => Of<string>("warning");

    public IReadOnlyList<string> Verbose => Of<string>("verbose");

    public IReadOnlyList<string> Debug => Of<string>("debug");

    public IReadOnlyList<ProgressUpdate> Progress => Of<ProgressUpdate>("progress");

    public IReadOnlyList<(string Target, string Action)> ShouldProcessCalls => Of<(string, string)>("shouldprocess");

    /// <summary>Every text the output received, for scans (e.g. that no password leaks).</summary>
    public IEnumerable<string> AllText() => _all.Select(e => e.Value switch
    {
        EngineError error => error.Message + " " + error.RecommendedAction + " " + error.Exception,
        ProgressUpdate progress => progress.Activity + " " + progress.Status + " " + progress.CurrentOperation,
        _ => e.Value.ToString() ?? string.Empty,
    });

    public IReadOnlyList<T> ObjectsOf<T>() => Objects.OfType<T>().ToList();

    public void WriteObject(object item) => _all.Enqueue(("object", item));

    public void WriteError(EngineError error) => _all.Enqueue(("error", error));

    public void WriteWarning(string message) => _all.Enqueue(("warning", message));

    public void WriteVerbose(string message) => _all.Enqueue(("verbose", message));

    public void WriteDebug(string message) => _all.Enqueue(("debug", message));

    public void WriteProgress(ProgressUpdate progress) => _all.Enqueue(("progress", progress));

    public bool ShouldProcess(string target, string action)
    {
        _all.Enqueue(("shouldprocess", (target, action)));
        return _shouldProcess(target, action);
    }

    private IReadOnlyList<T> Of<T>(string kind) => _all.Where(e => e.Kind == kind).Select(e => (T)e.Value).ToList();
}
