using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AadstsTools.Passwords
{
    /// <summary>
    /// The parts of a user's names a password must not contain: the user name part of the UPN (before the @)
    /// as a whole, and every part of the UPN prefix, display name, given name, surname and mail nickname,
    /// split at each character that is not a letter or digit (so . _ - space @ # , ' all separate parts).
    /// </summary>
    /// <remarks>
    /// Parts shorter than <see cref="MinimumPartLength"/> are ignored, as Active Directory's complexity rule does:
    /// initials and two-letter names ("Li", "Al", "Jo") would otherwise reject ordinary passwords while adding
    /// nothing an attacker would guess first. Matching ignores letter case, and accents are removed from names
    /// first ("José" forbids "jose"), because passwords are ASCII only.
    /// </remarks>
    public sealed class UserNameParts
    {
        /// <summary>Parts shorter than this are ignored.</summary>
        public const int MinimumPartLength = 3;

        private UserNameParts(IReadOnlyList<string> parts)
        {
            Parts = parts;
        }

        /// <summary>No names: only the character rules apply.</summary>
        public static UserNameParts None { get; } = new UserNameParts(Array.Empty<string>());

        /// <summary>The forbidden parts, lower-case, without accents, longest first.</summary>
        public IReadOnlyList<string> Parts { get; }

        /// <summary>
        /// The parts of one user's names, from the Graph user properties of the same names. Any may be null.
        /// </summary>
        public static UserNameParts FromUser(
            string? userPrincipalName,
            string? displayName = null,
            string? givenName = null,
            string? surname = null,
            string? mailNickname = null)
        {
            var parts = new HashSet<string>(StringComparer.Ordinal);
            string prefix = UpnPrefix(userPrincipalName);
            AddIfLongEnough(parts, Fold(prefix));
            foreach (string? name in new[] { prefix, displayName, givenName, surname, mailNickname })
            {
                foreach (string part in Split(Fold(name)))
                {
                    AddIfLongEnough(parts, part);
                }
            }

            return parts.Count == 0
                ? None
                : new UserNameParts(parts.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray());
        }

        /// <summary>True when the password contains any part, in any letter case.</summary>
        public bool AppearIn(ReadOnlySpan<char> password)
        {
            foreach (string part in Parts)
            {
                if (ContainsIgnoringCase(password, part))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many parts there are; the parts are names, not secrets, but a count is all logs need.</summary>
        public override string ToString() => Parts.Count + " forbidden name part(s)";

        private static string UpnPrefix(string? userPrincipalName)
        {
            if (string.IsNullOrWhiteSpace(userPrincipalName))
            {
                return string.Empty;
            }

            int at = userPrincipalName!.LastIndexOf('@');
            return (at >= 0 ? userPrincipalName.Substring(0, at) : userPrincipalName).Trim();
        }

        // Lower-case without accents: "José" -> "jose".
        private static string Fold(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return string.Empty;
            }

            var folded = new StringBuilder(name!.Length);
            foreach (char c in name.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    folded.Append(char.ToLowerInvariant(c));
                }
            }

            return folded.ToString().Normalize(NormalizationForm.FormC);
        }

        private static IEnumerable<string> Split(string name)
        {
            int start = 0;
            for (int i = 0; i <= name.Length; i++)
            {
                if (i == name.Length || !char.IsLetterOrDigit(name[i]))
                {
                    if (i > start)
                    {
                        yield return name.Substring(start, i - start);
                    }

                    start = i + 1;
                }
            }
        }

        private static void AddIfLongEnough(HashSet<string> parts, string part)
        {
            if (part.Length >= MinimumPartLength)
            {
                parts.Add(part);
            }
        }

        // Parts are already lower-case; only the password side needs folding.
        private static bool ContainsIgnoringCase(ReadOnlySpan<char> text, string lowerPart)
        {
            for (int start = 0; start + lowerPart.Length <= text.Length; start++)
            {
                int i = 0;
                while (i < lowerPart.Length && char.ToLowerInvariant(text[start + i]) == lowerPart[i])
                {
                    i++;
                }

                if (i == lowerPart.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
