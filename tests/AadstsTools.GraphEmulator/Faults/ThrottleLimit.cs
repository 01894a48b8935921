namespace AadstsTools.GraphEmulator.Faults;

/// <summary>At most <see cref="Requests"/> requests in any sliding <see cref="Window"/>; more get 429 with Retry-After.</summary>
public sealed record ThrottleLimit(int Requests, TimeSpan Window)
{
    /// <summary>Graph's reporting-API limit: 5 requests per 10 seconds per app per tenant.</summary>
    public static ThrottleLimit GraphReportingApi { get; } = new(5, TimeSpan.FromSeconds(10));
}
