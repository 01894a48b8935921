using System;
using System.Security;
using AadstsTools.Reset;

namespace AadstsTools
{
    /// <summary>
    /// How one input of Reset-AadUserPassword ended (PSTypeName <c>AadstsTools.PasswordResetResult</c>). The
    /// new password is a SecureString; plain text only with -AsPlainText.
    /// </summary>
    public sealed class PasswordResetResult
    {
        public PasswordResetResult(string input, ResetStatus status, DateTimeOffset timestamp)
        {
            Input = input;
            Status = status;
            Timestamp = timestamp;
        }

        /// <summary>The user as given.</summary>
        public string Input { get; }

        public string? UserPrincipalName { get; init; }

        public string? UserId { get; init; }

        public ResetStatus Status { get; }

        /// <summary>The new password (generated or given); null unless Status is Reset and a password was set.</summary>
        public SecureString? Password { get; init; }

        /// <summary>Only with -AsPlainText.</summary>
        public string? PlainTextPassword { get; init; }

        public bool ForceChangePasswordNextSignIn { get; init; }

        public bool ForceChangePasswordNextSignInWithMfa { get; init; }

        /// <summary>True when sessions were revoked; null when not asked.</summary>
        public bool? SessionsRevoked { get; init; }

        /// <summary>Graph's request-id for the reset (or the failure).</summary>
        public string? RequestId { get; init; }

        /// <summary>For Failed and Skipped: the kind (PermissionDenied, ObjectNotFound, InvalidData...) or reason code.</summary>
        public string? ErrorKind { get; init; }

        /// <summary>For Failed and Skipped: why, in words.</summary>
        public string? Message { get; init; }

        public DateTimeOffset Timestamp { get; }

        /// <summary>Never the password.</summary>
        public override string ToString() => $"{UserPrincipalName ?? Input}: {Status}" + (Message == null ? string.Empty : " - " + Message);
    }
}
