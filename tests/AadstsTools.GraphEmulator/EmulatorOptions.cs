using System.Collections.Frozen;
using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.Security;

namespace AadstsTools.GraphEmulator;

/// <summary>
/// Who the caller is and which faults to inject. Every property may be changed while the emulator runs; each
/// request reads the values current when it arrives.
/// </summary>
public sealed class EmulatorOptions
{
    private readonly object faultRulesLock = new();
    private FaultRule[] faultRules = Array.Empty<FaultRule>();
    private FrozenSet<string> grantedPermissions = GraphPermissions.ModuleDefaults;
    private FrozenSet<string> callerRoles = ToSet(new[] { DirectoryRoles.GlobalAdministrator });

    /// <summary>The bearer token the emulator accepts.</summary>
    public string AccessToken { get; set; } = "emulator-token";

    /// <summary>Port to listen on (127.0.0.1); 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Graph permissions in the token (scp or roles); default: every one the module uses.</summary>
    public IReadOnlyCollection<string> GrantedPermissions
    {
        get => grantedPermissions;
        set => grantedPermissions = ToSet(value);
    }

    /// <summary>Directory roles of the signed-in user, or of the app's service principal when <see cref="AppOnly"/>.</summary>
    public IReadOnlyCollection<string> CallerRoles
    {
        get => callerRoles;
        set => callerRoles = ToSet(value);
    }

    /// <summary>True for an application token (managed identity, certificate, secret); false for a delegated one.</summary>
    public bool AppOnly { get; set; }

    /// <summary>False: reporting endpoints (registration details, sign-in logs) answer 403 as in a tenant without P1/P2.</summary>
    public bool TenantHasPremium { get; set; } = true;

    /// <summary>Added once to every HTTP request (a <c>$batch</c> pays it once, not per sub-request).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Limit for all requests and sub-requests; null: none.</summary>
    public ThrottleLimit? Throttle { get; set; }

    /// <summary>
    /// Separate limit for /reports/* and /auditLogs/*, counted inside <c>$batch</c> too; null: none.
    /// <see cref="ThrottleLimit.GraphReportingApi"/> is Graph's real one (off by default to keep tests fast).
    /// </summary>
    public ThrottleLimit? ReportingThrottle { get; set; }

    /// <summary>Retry-After sent with 429s (decimals kept, e.g. 2.128); null: the time until the window frees, rounded up to seconds.</summary>
    public double? RetryAfterSeconds { get; set; }

    /// <summary>Share (0–1) of requests and sub-requests answered 503 or 504 before any work is done.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>Retry-After sent with random 503/504s; null: none.</summary>
    public double? TransientRetryAfterSeconds { get; set; }

    /// <summary>Share (0–1) of HTTP requests whose connection is aborted.</summary>
    public double DroppedConnectionRate { get; set; }

    /// <summary>Whether a random drop happens before or after the request's work is done.</summary>
    public DropPoint DroppedConnectionPoint { get; set; } = DropPoint.BeforeProcessing;

    /// <summary>Seed of the random faults, so a run can be repeated.</summary>
    public int RandomSeed { get; set; } = 1;

    /// <summary>Clock for recorded times, error dates and throttle windows (the windows keep the clock they started with).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Targeted faults, checked in the order added.</summary>
    public IReadOnlyList<FaultRule> FaultRules => Volatile.Read(ref faultRules);

    public void AddFaultRule(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (faultRulesLock)
        {
            faultRules = faultRules.Append(rule).ToArray();
        }
    }

    public void ClearFaultRules()
    {
        lock (faultRulesLock)
        {
            faultRules = Array.Empty<FaultRule>();
        }
    }

    internal bool HasPermission(IReadOnlyCollection<string> acceptable) => acceptable.Any(grantedPermissions.Contains);

    internal bool HasRole(IReadOnlyCollection<string> acceptable) => acceptable.Any(callerRoles.Contains);

    private static FrozenSet<string> ToSet(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
