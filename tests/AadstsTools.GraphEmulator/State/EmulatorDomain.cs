namespace AadstsTools.GraphEmulator.State;

/// <summary>A tenant domain. The password policy values are null when the domain has none set.</summary>
public sealed record EmulatorDomain
{
    public required string Id { get; init; }

    /// <summary>"Managed" or "Federated".</summary>
    public string AuthenticationType { get; init; } = "Managed";

    public bool IsDefault { get; init; }

    public bool IsInitial { get; init; }

    public bool IsRoot { get; init; } = true;

    public bool IsVerified { get; init; } = true;

    public int? PasswordValidityPeriodInDays { get; init; }

    public int? PasswordNotificationWindowInDays { get; init; }

    public bool IsFederated => string.Equals(AuthenticationType, "Federated", StringComparison.OrdinalIgnoreCase);
}
