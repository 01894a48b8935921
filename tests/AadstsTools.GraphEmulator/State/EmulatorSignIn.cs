namespace AadstsTools.GraphEmulator.State;

/// <summary>One interactive sign-in event as /auditLogs/signIns returns it. ErrorCode 0 is a success.</summary>
public sealed record EmulatorSignIn
{
    public required string Id { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required string UserId { get; init; }

    /// <summary>Stored lowercase, as Graph stores it (filters compare it exactly).</summary>
    public required string UserPrincipalName { get; init; }

    public string? UserDisplayName { get; init; }

    public string AppId { get; init; } = "00000002-0000-0ff1-ce00-000000000000";

    public string AppDisplayName { get; init; } = "Office 365 Exchange Online";

    public string IpAddress { get; init; } = "203.0.113.10";

    public string ClientAppUsed { get; init; } = "Browser";

    /// <summary>success, failure or notApplied.</summary>
    public string ConditionalAccessStatus { get; init; } = "notApplied";

    public bool IsInteractive { get; init; } = true;

    public string CorrelationId { get; init; } = Guid.Empty.ToString();

    public int ErrorCode { get; init; }

    public string? FailureReason { get; init; }

    public string? AdditionalDetails { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? CountryOrRegion { get; init; }
}
