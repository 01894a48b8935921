using System.Collections.Immutable;

namespace AadstsTools.GraphEmulator.State;

/// <summary>
/// A user of the emulated tenant. The profile is fixed when the tenant is built; what Graph calls change (password,
/// forced-change flags, session revocations) lives in a state swapped atomically, so reads never see half an update.
/// </summary>
public sealed class EmulatorUser
{
    private readonly object writeLock = new();
    private UserState state = UserState.Initial;

    public required string Id { get; init; }

    public required string UserPrincipalName { get; init; }

    public string? DisplayName { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    public string? Mail { get; init; }

    public bool AccountEnabled { get; init; } = true;

    /// <summary>"Member" or "Guest".</summary>
    public string UserType { get; init; } = "Member";

    /// <summary>"None", "DisablePasswordExpiration", "DisableStrongPassword" or both comma-separated; null when unset.</summary>
    public string? PasswordPolicies { get; init; }

    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>true: synced now; false: was synced; null: cloud-only.</summary>
    public bool? OnPremisesSyncEnabled { get; init; }

    public DateTimeOffset? OnPremisesLastSyncDateTime { get; init; }

    public string? OnPremisesImmutableId { get; init; }

    public IReadOnlyList<EmulatorLicense> AssignedLicenses { get; init; } = Array.Empty<EmulatorLicense>();

    /// <summary>Directory roles the user holds (e.g. "User Administrator"); any makes the user an admin.</summary>
    public IReadOnlyList<string> DirectoryRoles { get; init; } = Array.Empty<string>();

    public EmulatorRegistration Registration { get; init; } = new();

    public bool IsAdmin => DirectoryRoles.Count > 0;

    public bool IsGuest => string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase);

    public bool StrongPasswordRequired =>
        PasswordPolicies is null || !PasswordPolicies.Contains("DisableStrongPassword", StringComparison.OrdinalIgnoreCase);

    public DateTimeOffset? LastPasswordChangeDateTime
    {
        get => Current.LastPasswordChangeDateTime;
        init => state = state with { LastPasswordChangeDateTime = value };
    }

    public DateTimeOffset? SignInSessionsValidFromDateTime
    {
        get => Current.SignInSessionsValidFromDateTime;
        init => state = state with { SignInSessionsValidFromDateTime = value };
    }

    /// <summary>A forced password change is pending (what Graph shows in passwordProfile).</summary>
    public bool ForceChangePasswordNextSignIn
    {
        get => Current.ForceChangePasswordNextSignIn;
        init => state = state with { ForceChangePasswordNextSignIn = value };
    }

    public bool ForceChangePasswordNextSignInWithMfa
    {
        get => Current.ForceChangePasswordNextSignInWithMfa;
        init => state = state with { ForceChangePasswordNextSignInWithMfa = value };
    }

    /// <summary>The last password set through the emulator, or null.</summary>
    public string? CurrentPassword => Current.Password;

    /// <summary>Every accepted passwordProfile update, oldest first.</summary>
    public IReadOnlyList<PasswordResetRecord> PasswordResets => Current.PasswordResets;

    /// <summary>Every accepted revokeSignInSessions call, oldest first.</summary>
    public IReadOnlyList<SessionRevocationRecord> SessionRevocations => Current.SessionRevocations;

    internal UserState Current => Volatile.Read(ref state);

    internal void RecordPasswordReset(PasswordResetRecord reset)
    {
        lock (writeLock)
        {
            var current = state;
            Volatile.Write(ref state, current with
            {
                Password = reset.Password ?? current.Password,
                LastPasswordChangeDateTime = reset.Password is null ? current.LastPasswordChangeDateTime : reset.At,
                ForceChangePasswordNextSignIn = reset.ForceChangePasswordNextSignIn ?? (reset.Password is null && current.ForceChangePasswordNextSignIn),
                ForceChangePasswordNextSignInWithMfa = reset.ForceChangePasswordNextSignInWithMfa ?? (reset.Password is null && current.ForceChangePasswordNextSignInWithMfa),
                PasswordResets = current.PasswordResets.Add(reset),
            });
        }
    }

    internal void RecordSessionRevocation(SessionRevocationRecord revocation)
    {
        lock (writeLock)
        {
            var current = state;
            Volatile.Write(ref state, current with
            {
                SignInSessionsValidFromDateTime = revocation.At,
                SessionRevocations = current.SessionRevocations.Add(revocation),
            });
        }
    }

    public override string ToString() => $"{UserPrincipalName} ({Id})";

    internal sealed record UserState(
        DateTimeOffset? LastPasswordChangeDateTime,
        DateTimeOffset? SignInSessionsValidFromDateTime,
        bool ForceChangePasswordNextSignIn,
        bool ForceChangePasswordNextSignInWithMfa,
        string? Password,
        ImmutableList<PasswordResetRecord> PasswordResets,
        ImmutableList<SessionRevocationRecord> SessionRevocations)
    {
        public static UserState Initial { get; } = new(null, null, false, false, null,
            ImmutableList<PasswordResetRecord>.Empty, ImmutableList<SessionRevocationRecord>.Empty);
    }
}
