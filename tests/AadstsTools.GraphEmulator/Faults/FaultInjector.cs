using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Routing;

namespace AadstsTools.GraphEmulator.Faults;

/// <summary>
/// Decides, per request, the faults the options ask for: targeted rules, random 503/504s and dropped connections
/// (seeded), and the two throttles (all requests; reporting endpoints).
/// </summary>
internal sealed class FaultInjector
{
    private readonly EmulatorOptions options;
    private readonly ThrottleWindow throttle;
    private readonly ThrottleWindow reportingThrottle;
    private readonly object randomLock = new();
    private Random random;
    private int seed;

    public FaultInjector(EmulatorOptions options)
    {
        this.options = options;
        throttle = new ThrottleWindow(options.TimeProvider);
        reportingThrottle = new ThrottleWindow(options.TimeProvider);
        seed = options.RandomSeed;
        random = new Random(seed);
    }

    public static bool IsReportingPath(string path) =>
        path.StartsWith("/reports/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/auditLogs/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first targeted rule with uses left that matches, or null.</summary>
    public FaultRule? MatchRule(GraphRequest request)
    {
        var seen = new FaultRequest(request.Method, request.Path, request.DecodedQuery, request.InBatch);
        return options.FaultRules.FirstOrDefault(rule => rule.TryConsume(seen));
    }

    public GraphException RuleError(FaultRule rule) => new(
        rule.Status,
        rule.Code ?? GraphErrors.DefaultCode(rule.Status),
        rule.Message ?? GraphErrors.DefaultMessage(rule.Status),
        rule.RetryAfterSeconds);

    /// <summary>A random 503 or 504, or null, at the configured rate.</summary>
    public GraphException? TransientFailure()
    {
        var rate = options.TransientFailureRate;
        if (rate <= 0 || Next() >= rate)
        {
            return null;
        }

        var retryAfter = options.TransientRetryAfterSeconds;
        return Next() < 0.5 ? GraphErrors.ServiceUnavailable(retryAfter) : GraphErrors.GatewayTimeout(retryAfter);
    }

    public bool DropConnection(Faults.DropPoint point) =>
        options.DroppedConnectionRate > 0 && options.DroppedConnectionPoint == point && Next() < options.DroppedConnectionRate;

    /// <summary>A 429 when a throttle that applies to the path is over its limit, or null.</summary>
    public GraphException? Throttle(string path)
    {
        if (options.Throttle is { } limit && throttle.TryAdmit(limit) is { } wait)
        {
            return GraphErrors.Throttled(RetryAfter(wait));
        }

        if (IsReportingPath(path) && options.ReportingThrottle is { } reportingLimit && reportingThrottle.TryAdmit(reportingLimit) is { } reportingWait)
        {
            return GraphErrors.Throttled(RetryAfter(reportingWait));
        }

        return null;
    }

    private double RetryAfter(TimeSpan wait) => options.RetryAfterSeconds ?? Math.Max(1, Math.Ceiling(wait.TotalSeconds));

    private double Next()
    {
        lock (randomLock)
        {
            if (seed != options.RandomSeed)
            {
                seed = options.RandomSeed;
                random = new Random(seed);
            }

            return random.NextDouble();
        }
    }
}
