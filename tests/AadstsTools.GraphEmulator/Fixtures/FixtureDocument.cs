namespace AadstsTools.GraphEmulator.Fixtures;

// The fixture file's shape (Fixtures/README.md). Times are strings: ISO 8601, or relative to load time ("now-95d").

internal sealed class FixtureDocument
{
    public string? TenantName { get; set; }

    public List<FixtureDomain> Domains { get; set; } = new();

    public List<FixtureUser> Users { get; set; } = new();

    public List<FixtureSignIn> SignIns { get; set; } = new();

    public string? Note { get; set; }
}

internal sealed class FixtureDomain
{
    public string? Id { get; set; }

    public string? AuthenticationType { get; set; }

    public bool IsDefault { get; set; }

    public bool IsInitial { get; set; }

    public bool? IsRoot { get; set; }

    public bool? IsVerified { get; set; }

    public int? PasswordValidityPeriodInDays { get; set; }

    public int? PasswordNotificationWindowInDays { get; set; }

    public string? Note { get; set; }
}

internal sealed class FixtureUser
{
    public string? Id { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? DisplayName { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? Mail { get; set; }

    public bool? AccountEnabled { get; set; }

    public string? UserType { get; set; }

    public string? PasswordPolicies { get; set; }

    public string? LastPasswordChangeDateTime { get; set; }

    public string? CreatedDateTime { get; set; }

    public bool? OnPremisesSyncEnabled { get; set; }

    public string? OnPremisesLastSyncDateTime { get; set; }

    public string? OnPremisesImmutableId { get; set; }

    public string? SignInSessionsValidFromDateTime { get; set; }

    public bool? ForceChangePasswordNextSignIn { get; set; }

    public List<FixtureLicense>? AssignedLicenses { get; set; }

    public List<string>? DirectoryRoles { get; set; }

    public FixtureRegistration? Registration { get; set; }

    public string? Note { get; set; }
}

internal sealed class FixtureLicense
{
    public Guid SkuId { get; set; }

    public List<Guid>? DisabledPlans { get; set; }
}

internal sealed class FixtureRegistration
{
    public bool IsSsprRegistered { get; set; }

    public bool IsSsprEnabled { get; set; }

    public bool IsSsprCapable { get; set; }

    public bool IsMfaRegistered { get; set; }

    public bool IsMfaCapable { get; set; }

    public bool IsPasswordlessCapable { get; set; }

    public List<string>? MethodsRegistered { get; set; }

    public string? LastUpdatedDateTime { get; set; }
}

internal sealed class FixtureSignIn
{
    public string? Id { get; set; }

    /// <summary>The user's userPrincipalName or id.</summary>
    public string? User { get; set; }

    public string? CreatedDateTime { get; set; }

    public int ErrorCode { get; set; }

    public string? FailureReason { get; set; }

    public string? AdditionalDetails { get; set; }

    public string? AppId { get; set; }

    public string? AppDisplayName { get; set; }

    public string? IpAddress { get; set; }

    public string? ClientAppUsed { get; set; }

    public string? ConditionalAccessStatus { get; set; }

    public bool? IsInteractive { get; set; }

    public string? CorrelationId { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? CountryOrRegion { get; set; }

    /// <summary>This many events, each <see cref="Interval"/> older than the one before.</summary>
    public int Repeat { get; set; } = 1;

    public string? Interval { get; set; }

    public string? Note { get; set; }
}
