using System;
using AadstsTools.Passwords;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>A reset result as data for CSV and JSON; the password only when --show-passwords asked for it.</summary>
    internal sealed class ResetRow
    {
        public string Input { get; init; } = string.Empty;

        public string? UserPrincipalName { get; init; }

        public string? UserId { get; init; }

        public string Status { get; init; } = string.Empty;

        public string? Password { get; init; }

        public bool ForceChangePasswordNextSignIn { get; init; }

        public bool ForceChangePasswordNextSignInWithMfa { get; init; }

        public bool? SessionsRevoked { get; init; }

        public string? RequestId { get; init; }

        public string? ErrorKind { get; init; }

        public string? Message { get; init; }

        public DateTimeOffset Timestamp { get; init; }

        public static ResetRow From(PasswordResetResult result, bool showPassword)
        {
            string? password = null;
            if (showPassword && result.Password != null)
            {
                char[] chars = SecureStringChars.ToChars(result.Password);
                try
                {
                    password = new string(chars);
                }
                finally
                {
                    Array.Clear(chars, 0, chars.Length);
                }
            }

            return new ResetRow
            {
                Input = result.Input,
                UserPrincipalName = result.UserPrincipalName,
                UserId = result.UserId,
                Status = result.Status.ToString(),
                Password = password,
                ForceChangePasswordNextSignIn = result.ForceChangePasswordNextSignIn,
                ForceChangePasswordNextSignInWithMfa = result.ForceChangePasswordNextSignInWithMfa,
                SessionsRevoked = result.SessionsRevoked,
                RequestId = result.RequestId,
                ErrorKind = result.ErrorKind,
                Message = result.Message,
                Timestamp = result.Timestamp,
            };
        }
    }
}
