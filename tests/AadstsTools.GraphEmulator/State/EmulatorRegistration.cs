namespace AadstsTools.GraphEmulator.State;

/// <summary>
/// A user's row in the authentication-methods registration report (userRegistrationDetails), less what comes from the
/// user (id, names, userType, isAdmin). Default: nothing registered.
/// </summary>
public sealed record EmulatorRegistration
{
    public bool IsSsprRegistered { get; init; }

    public bool IsSsprEnabled { get; init; }

    public bool IsSsprCapable { get; init; }

    public bool IsMfaRegistered { get; init; }

    public bool IsMfaCapable { get; init; }

    public bool IsPasswordlessCapable { get; init; }

    /// <summary>Graph's method names: microsoftAuthenticatorPush, softwareOneTimePasscode, mobilePhone, email, fido2, …</summary>
    public IReadOnlyList<string> MethodsRegistered { get; init; } = Array.Empty<string>();

    public DateTimeOffset? LastUpdatedDateTime { get; init; }
}
