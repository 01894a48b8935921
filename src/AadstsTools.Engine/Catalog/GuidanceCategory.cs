using System;
using System.Collections.Generic;

namespace AadstsTools.Catalog
{
    /// <summary>What area of sign-in an error belongs to.</summary>
    public enum GuidanceCategory
    {
        Password,
        MFA,
        ConditionalAccess,
        Device,
        AccountLockout,
        SessionToken,
        FederationHybrid,
        ApplicationConsent,
        TenantB2B,
        RequestProtocol,
        Service,

        /// <summary>For codes the catalog does not know.</summary>
        Unknown,
    }

    /// <summary>Who can fix an error.</summary>
    public enum Fixer
    {
        User,
        Admin,
        AppDeveloper,
    }

    public static class GuidanceCategoryNames
    {
        private static readonly Dictionary<GuidanceCategory, string> Display = new Dictionary<GuidanceCategory, string>
        {
            [GuidanceCategory.Password] = "Password",
            [GuidanceCategory.MFA] = "MFA",
            [GuidanceCategory.ConditionalAccess] = "Conditional Access",
            [GuidanceCategory.Device] = "Device",
            [GuidanceCategory.AccountLockout] = "Account/Lockout",
            [GuidanceCategory.SessionToken] = "Session/Token",
            [GuidanceCategory.FederationHybrid] = "Federation & hybrid",
            [GuidanceCategory.ApplicationConsent] = "Application & consent",
            [GuidanceCategory.TenantB2B] = "Tenant & B2B",
            [GuidanceCategory.RequestProtocol] = "Request & protocol",
            [GuidanceCategory.Service] = "Service",
            [GuidanceCategory.Unknown] = "Unknown",
        };

        /// <summary>The name shown to people, e.g. "Conditional Access".</summary>
        public static string ToDisplayName(this GuidanceCategory category) => Display[category];

        /// <summary>Accepts the enum name or the display name, case-insensitively ("ConditionalAccess", "conditional access").</summary>
        public static bool TryParse(string? text, out GuidanceCategory category)
        {
            category = GuidanceCategory.Unknown;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            string wanted = Normalize(text!);
            foreach (var pair in Display)
            {
                if (Normalize(pair.Key.ToString()) == wanted || Normalize(pair.Value) == wanted)
                {
                    category = pair.Key;
                    return pair.Key != GuidanceCategory.Unknown;
                }
            }

            return false;
        }

        /// <summary>The values catalog files may use, for error messages.</summary>
        public static string AllowedNames => string.Join(", ", AllowedValues());

        private static IEnumerable<string> AllowedValues()
        {
            foreach (GuidanceCategory value in Enum.GetValues(typeof(GuidanceCategory)))
            {
                if (value != GuidanceCategory.Unknown)
                {
                    yield return value.ToString();
                }
            }
        }

        private static string Normalize(string text)
        {
            var chars = new List<char>(text.Length);
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars.Add(char.ToLowerInvariant(c));
                }
            }

            return new string(chars.ToArray());
        }
    }
}
