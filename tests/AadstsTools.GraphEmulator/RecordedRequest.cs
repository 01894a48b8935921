namespace AadstsTools.GraphEmulator;

/// <summary>
/// One request the emulator answered: every HTTP request and every sub-request of a <c>$batch</c>.
/// <paramref name="Path"/> has no version prefix (<c>/users/…</c>, <c>/$batch</c>); <paramref name="Query"/> is decoded,
/// without the leading <c>?</c>. <paramref name="Status"/> is 0 when the emulator dropped the connection.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, bool InBatch, int Status, DateTimeOffset At);
