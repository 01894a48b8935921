using System;
using System.Text.RegularExpressions;

namespace AadstsTools.Graph.Model
{
    /// <summary>
    /// A user as an admin names one: an object id (GUID) or a user principal name. Parsing it first means
    /// a malformed entry gets its own clear answer without any Graph call.
    /// </summary>
    public sealed class UserKey : IEquatable<UserKey>
    {
        private static readonly Regex UpnPattern = new Regex(@"^[^@\s""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant);

        private UserKey(string input, string value, bool isObjectId)
        {
            Input = input;
            Value = value;
            IsObjectId = isObjectId;
        }

        /// <summary>What was given, as given.</summary>
        public string Input { get; }

        /// <summary>The id in canonical form (lower-case GUID, or the UPN lower-cased).</summary>
        public string Value { get; }

        public bool IsObjectId { get; }

        /// <summary>Parses an id or UPN; the error says what was wrong and what was expected.</summary>
        public static bool TryParse(string? input, out UserKey? key, out string? error)
        {
            key = null;
            string text = (input ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                error = "The user is empty; expected a user principal name (alice@contoso.com) or an object id (GUID).";
                return false;
            }

            if (Guid.TryParse(text, out Guid id))
            {
                key = new UserKey(input!, id.ToString("D"), isObjectId: true);
                error = null;
                return true;
            }

            if (text.Length <= 1024 && UpnPattern.IsMatch(text))
            {
                key = new UserKey(input!, text.ToLowerInvariant(), isObjectId: false);
                error = null;
                return true;
            }

            error = $"'{Shorten(text)}' is not a user principal name (name@domain, e.g. alice@contoso.com) or an object id (GUID).";
            return false;
        }

        public bool Equals(UserKey? other) => other != null && IsObjectId == other.IsObjectId && Value == other.Value;

        public override bool Equals(object? obj) => Equals(obj as UserKey);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        public override string ToString() => Input;

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
