namespace AadstsTools.GraphEmulator.State;

/// <summary>
/// One accepted passwordProfile update. <see cref="Password"/> is null for a force-change-only update; the flags are
/// null when the request left them out. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class PasswordResetRecord
{
    public PasswordResetRecord(DateTimeOffset at, string? password, bool? forceChangePasswordNextSignIn,
        bool? forceChangePasswordNextSignInWithMfa, bool inBatch, string requestId)
    {
        At = at;
        Password = password;
        ForceChangePasswordNextSignIn = forceChangePasswordNextSignIn;
        ForceChangePasswordNextSignInWithMfa = forceChangePasswordNextSignInWithMfa;
        InBatch = inBatch;
        RequestId = requestId;
    }

    public DateTimeOffset At { get; }

    public string? Password { get; }

    public bool? ForceChangePasswordNextSignIn { get; }

    public bool? ForceChangePasswordNextSignInWithMfa { get; }

    /// <summary>True when the update came as a <c>$batch</c> sub-request.</summary>
    public bool InBatch { get; }

    /// <summary>The request-id the emulator answered with.</summary>
    public string RequestId { get; }

    public bool ForceChangeOnly => Password is null;

    public override string ToString() =>
        $"reset at {At:O} ({(ForceChangeOnly ? "force change only" : "new password")}, " +
        $"forceChangePasswordNextSignIn={Show(ForceChangePasswordNextSignIn)}, " +
        $"forceChangePasswordNextSignInWithMfa={Show(ForceChangePasswordNextSignInWithMfa)}, request-id {RequestId})";

    private static string Show(bool? flag) => flag?.ToString() ?? "unset";
}
