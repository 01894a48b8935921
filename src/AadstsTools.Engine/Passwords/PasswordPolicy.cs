using System;
using System.Collections.Generic;
using System.Security;

namespace AadstsTools.Passwords
{
    /// <summary>
    /// The rules Entra ID applies to cloud passwords, checked locally before anything is sent: 8–256 characters,
    /// at least three of the four character classes, only the characters Entra ID accepts, and none of the user's
    /// names. Entra ID's banned-password list is not checked here (it is server-side); Graph reports that as 400.
    /// </summary>
    /// <remarks>
    /// Messages name the rule and what it requires, never the password, a part of it, its length or which
    /// characters it holds: they end up in error records, logs and journals.
    /// </remarks>
    public static class PasswordPolicy
    {
        /// <summary>Entra ID's shortest cloud password.</summary>
        public const int MinimumLength = 8;

        /// <summary>Entra ID's longest cloud password.</summary>
        public const int MaximumLength = 256;

        /// <summary>How many of the four character classes a password must use.</summary>
        public const int RequiredCharacterClasses = 3;

        /// <summary>Checks a password held in a <see cref="SecureString"/>; the temporary copy is wiped afterwards.</summary>
        public static PasswordValidationResult Validate(SecureString password, UserNameParts? userNames = null)
        {
            if (password == null)
            {
                throw new ArgumentNullException(nameof(password));
            }

            char[] chars = SecureStringChars.ToChars(password);
            try
            {
                return Validate(chars, userNames);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }

        /// <summary>Checks a password; reports every rule it breaks.</summary>
        /// <param name="password">The password characters (a char array converts implicitly).</param>
        /// <param name="userNames">The user's names the password must not contain; null checks the character rules only.</param>
        public static PasswordValidationResult Validate(ReadOnlySpan<char> password, UserNameParts? userNames = null)
        {
            var problems = new List<PasswordProblem>();
            if (password.Length < MinimumLength)
            {
                problems.Add(new PasswordProblem(PasswordRule.Length, $"Length: a password needs at least {MinimumLength} characters."));
            }
            else if (password.Length > MaximumLength)
            {
                problems.Add(new PasswordProblem(PasswordRule.Length, $"Length: a password can have at most {MaximumLength} characters."));
            }

            bool lower = false, upper = false, digit = false, symbol = false, disallowed = false;
            foreach (char c in password)
            {
                switch (PasswordCharacters.Classify(c))
                {
                    case PasswordCharacterClass.Lowercase: lower = true; break;
                    case PasswordCharacterClass.Uppercase: upper = true; break;
                    case PasswordCharacterClass.Digit: digit = true; break;
                    case PasswordCharacterClass.Symbol: symbol = true; break;
                    default: disallowed = true; break;
                }
            }

            int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
            if (classes < RequiredCharacterClasses)
            {
                problems.Add(new PasswordProblem(
                    PasswordRule.CharacterClasses,
                    "Character classes: a password needs characters from at least three of the four classes: lower-case letters, upper-case letters, digits and symbols."));
            }

            if (disallowed)
            {
                problems.Add(new PasswordProblem(
                    PasswordRule.AllowedCharacters,
                    "Allowed characters: a password may hold only the letters A-Z and a-z, the digits 0-9, space and the symbols "
                    + string.Join(" ", PasswordCharacters.GeneratedSymbols.ToCharArray())
                    + " (no accented letters or other Unicode characters, no control characters such as tab)."));
            }

            if (userNames != null && userNames.AppearIn(password))
            {
                problems.Add(new PasswordProblem(
                    PasswordRule.UserNames,
                    $"User names: a password must not contain the user's name or the user name part of the UPN (any part of {UserNameParts.MinimumPartLength} or more characters, in any letter case)."));
            }

            return new PasswordValidationResult(problems);
        }
    }
}
