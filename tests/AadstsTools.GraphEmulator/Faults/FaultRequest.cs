namespace AadstsTools.GraphEmulator.Faults;

/// <summary>What a fault rule sees of a request: the path has no version prefix (<c>/auditLogs/signIns</c>).</summary>
public sealed record FaultRequest(string Method, string Path, string Query, bool InBatch);
