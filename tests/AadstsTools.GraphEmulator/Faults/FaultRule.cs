namespace AadstsTools.GraphEmulator.Faults;

/// <summary>
/// A targeted fault: requests that match get <see cref="Status"/> (with Graph's error body) or a dropped connection,
/// <see cref="Times"/> times (or always when null). Checked before throttling and before the request is processed.
/// </summary>
public sealed class FaultRule
{
    private int remaining;

    public FaultRule(Func<FaultRequest, bool> matches, int status = 500, int? times = null)
    {
        Matches = matches ?? throw new ArgumentNullException(nameof(matches));
        Status = status;
        Times = times;
        remaining = times ?? int.MaxValue;
    }

    public Func<FaultRequest, bool> Matches { get; }

    public int Status { get; }

    /// <summary>How many matching requests fail; null: every one.</summary>
    public int? Times { get; }

    /// <summary>Graph error code in the body; default chosen from the status.</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>Sent as the Retry-After header when set (invariant culture, decimals kept).</summary>
    public double? RetryAfterSeconds { get; init; }

    /// <summary>Abort the connection instead of answering (for a sub-request: the whole <c>$batch</c> connection).</summary>
    public bool DropConnection { get; init; }

    /// <summary>How many more requests this rule will fail.</summary>
    public int Remaining => Times is null ? int.MaxValue : Math.Max(0, Volatile.Read(ref remaining));

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (case-insensitive, e.g. "/auditLogs/signIns").</summary>
    public static FaultRule ForPath(string pathPrefix, int status = 500, int? times = null, string? method = null) =>
        new(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)
                 && (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)),
            status, times);

    /// <summary>Takes one use of the rule if it matches and has uses left.</summary>
    internal bool TryConsume(FaultRequest request)
    {
        if (!Matches(request))
        {
            return false;
        }

        if (Times is null)
        {
            return true;
        }

        return Interlocked.Decrement(ref remaining) >= 0;
    }
}
