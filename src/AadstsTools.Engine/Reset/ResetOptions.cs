using System.Security;
using AadstsTools.Passwords;

namespace AadstsTools.Reset
{
    /// <summary>How Reset-AadUserPassword resets: which password, which flags, which journal.</summary>
    public sealed class ResetOptions
    {
        /// <summary>A given password (checked locally first); generated per user when null.</summary>
        public SecureString? NewPassword { get; init; }

        public int Length { get; init; } = PasswordGenerator.DefaultLength;

        /// <summary>Generate passwords without look-alike characters (for passwords read over the phone).</summary>
        public bool AvoidLookAlikes { get; init; }

        /// <summary>On by default, as Microsoft recommends; turning it off is explicit.</summary>
        public bool ForceChangePasswordNextSignIn { get; init; } = true;

        /// <summary>The user must complete MFA before choosing the new password.</summary>
        public bool RequireMfaBeforeChange { get; init; }

        /// <summary>Revoke the user's sign-in sessions after a successful reset.</summary>
        public bool RevokeSessions { get; init; }

        /// <summary>Set no password, only force a change at the next sign-in.</summary>
        public bool ForceChangeOnly { get; init; }

        /// <summary>Append every state change to this JSON Lines file and resume from it.</summary>
        public string? JournalPath { get; init; }

        /// <summary>Reset users whose outcome the journal can't tell (the process died after sending).</summary>
        public bool ResetUnknown { get; init; }

        /// <summary>Also put the new password in plain text on the result (a warning says so once).</summary>
        public bool AsPlainText { get; init; }

        /// <summary>Users resolved and reset together (one $batch lookup, then $batch resets of 20).</summary>
        public int SetSize { get; init; } = 500;
    }
}
