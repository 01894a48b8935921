using System;
using System.IO;

namespace AadstsTools.SignIns.Files
{
    /// <summary>Tells the log from the download's file name or a record's own event type.</summary>
    internal static class SignInLogTypes
    {
        /// <summary>The portal names its files InteractiveSignIns_…, NonInteractiveSignIns_…, ApplicationSignIns_…, MSISignIns_….</summary>
        public static SignInLogType? FromFileName(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            string name = Path.GetFileName(path!).Replace("-", string.Empty).Replace("_", string.Empty).Replace(" ", string.Empty);
            if (Has(name, "NonInteractive"))
            {
                return SignInLogType.NonInteractive;
            }

            if (Has(name, "Interactive"))
            {
                return SignInLogType.Interactive;
            }

            if (Has(name, "MSISignIn") || Has(name, "ManagedIdentit"))
            {
                return SignInLogType.ManagedIdentity;
            }

            if (Has(name, "ApplicationSignIn") || Has(name, "ServicePrincipal"))
            {
                return SignInLogType.ServicePrincipal;
            }

            return null;
        }

        /// <summary>Graph's signInEventTypes values: interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity.</summary>
        public static SignInLogType? FromEventType(string? eventType)
        {
            switch ((eventType ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "interactiveuser":
                    return SignInLogType.Interactive;
                case "noninteractiveuser":
                    return SignInLogType.NonInteractive;
                case "serviceprincipal":
                    return SignInLogType.ServicePrincipal;
                case "managedidentity":
                    return SignInLogType.ManagedIdentity;
                default:
                    return null;
            }
        }

        private static bool Has(string name, string part) => name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
