namespace AadstsTools.TestData;

/// <summary>One invented sign-in, with every value the portal's downloads show.</summary>
public sealed record SyntheticSignIn
{
    public required DateTimeOffset Time { get; init; }

    public required string RequestId { get; init; }

    public required string CorrelationId { get; init; }

    public string? UserId { get; init; }

    public string? UserDisplayName { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? ServicePrincipalId { get; init; }

    public string? ServicePrincipalName { get; init; }

    public required string AppDisplayName { get; init; }

    public required string AppId { get; init; }

    public required string IpAddress { get; init; }

    public required string City { get; init; }

    public required string State { get; init; }

    public required string Country { get; init; }

    public string ClientApp { get; init; } = "Browser";

    public int ErrorCode { get; init; }

    public string FailureReason { get; init; } = "Other.";

    public string? AdditionalDetails { get; init; }

    /// <summary>"Success", "Failure" or "Not Applied", as the CSV writes it.</summary>
    public string ConditionalAccess { get; init; } = "Not Applied";

    public string Browser { get; init; } = "Edge 131.0.0";

    public string OperatingSystem { get; init; } = "Windows10";

    public string UserAgent { get; init; } = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

    public string ResourceDisplayName { get; init; } = "Office 365 Exchange Online";

    public string ResourceId { get; init; } = "00000002-0000-0ff1-ce00-000000000000";

    public bool Interactive { get; init; } = true;

    /// <summary>What the Status column says for this code.</summary>
    public string Status => ErrorCode == 0 ? "Success" : SyntheticSignInLog.InterruptCodes.Contains(ErrorCode) ? "Interrupted" : "Failure";

    public string? Principal => UserPrincipalName ?? ServicePrincipalName;
}
