using System;

namespace AadstsTools.Graph.Model
{
    /// <summary>
    /// One password change to send: the user, the new password (or none, to only force a change), and the
    /// flags. The password is held as characters the caller clears after the call.
    /// </summary>
    public sealed class PasswordWrite
    {
        public PasswordWrite(string userId, char[]? password, bool forceChangePasswordNextSignIn, bool forceChangePasswordNextSignInWithMfa)
        {
            UserId = userId ?? throw new ArgumentNullException(nameof(userId));
            Password = password;
            ForceChangePasswordNextSignIn = forceChangePasswordNextSignIn;
            ForceChangePasswordNextSignInWithMfa = forceChangePasswordNextSignInWithMfa;
        }

        public string UserId { get; }

        /// <summary>Null in force-change-only mode. Never logged, never in a message.</summary>
        public char[]? Password { get; }

        public bool ForceChangePasswordNextSignIn { get; }

        public bool ForceChangePasswordNextSignInWithMfa { get; }

        /// <summary>Keeps the password out of any text this object is turned into.</summary>
        public override string ToString() => $"password write for {UserId}";
    }

    /// <summary>What Graph answered to one password write.</summary>
    public sealed class PasswordWriteResult
    {
        public PasswordWriteResult(string userId, GraphFailure? failure, string? requestId, int attempts)
        {
            UserId = userId;
            Failure = failure;
            RequestId = requestId;
            Attempts = attempts;
        }

        public string UserId { get; }

        public GraphFailure? Failure { get; }

        public bool Succeeded => Failure == null;

        /// <summary>Graph's request-id for the write (support cases ask for it).</summary>
        public string? RequestId { get; }

        /// <summary>How many times it was sent (retries of throttled sub-requests included).</summary>
        public int Attempts { get; }
    }
}
