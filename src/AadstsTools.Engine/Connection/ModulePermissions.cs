using System;
using System.Collections.Generic;
using System.Linq;
using AadstsTools.Graph;

namespace AadstsTools.Connection
{
    /// <summary>
    /// Which Graph operations each command performs, hence the permissions it needs. Delegated sign-in asks
    /// for the union unless the admin names the scopes; each command checks its own before it starts.
    /// </summary>
    public static class ModulePermissions
    {
        public const string TestUserSignInReadiness = "Test-UserSignInReadiness";
        public const string ResetAadUserPassword = "Reset-AadUserPassword";
        public const string GetAadSignInFailure = "Get-AadSignInFailure";

        private static readonly Dictionary<string, GraphOperation[]> Operations = new Dictionary<string, GraphOperation[]>(StringComparer.OrdinalIgnoreCase)
        {
            [TestUserSignInReadiness] = new[]
            {
                GraphOperation.ReadUsers, GraphOperation.ReadDomains, GraphOperation.ReadRegistrationDetails,
                GraphOperation.ReadSignIns, GraphOperation.ReadAuthenticationMethods,
            },
            [ResetAadUserPassword] = new[] { GraphOperation.ReadUsers, GraphOperation.ReadDomains, GraphOperation.ResetPassword, GraphOperation.RevokeSessions },
            [GetAadSignInFailure] = new[] { GraphOperation.ReadSignIns },
        };

        public static IReadOnlyCollection<string> Commands => Operations.Keys;

        public static IReadOnlyList<GraphOperation> For(string command) =>
            Operations.TryGetValue(command, out GraphOperation[]? operations) ? operations : Array.Empty<GraphOperation>();

        /// <summary>Every permission the given commands (all when none given) need, sorted.</summary>
        public static IReadOnlyList<string> Scopes(IEnumerable<string>? commands = null) =>
            (commands ?? Operations.Keys).SelectMany(For).SelectMany(o => o.Permissions)
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>
        /// The permissions an operation needs that the token does not grant; empty when it grants them, or
        /// when the token says nothing (an opaque token: Graph will answer for itself).
        /// </summary>
        public static IReadOnlyList<string> Missing(GraphOperation operation, IReadOnlyCollection<string>? granted)
        {
            if (granted == null || granted.Count == 0)
            {
                return Array.Empty<string>();
            }

            return operation.Permissions.Where(p => !Grants(granted, p)).ToList();
        }

        /// <summary>A broader permission covers a narrower one (User.ReadWrite.All covers User.Read.All).</summary>
        private static bool Grants(IReadOnlyCollection<string> granted, string needed)
        {
            if (granted.Contains(needed, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            return Broader(needed).Any(b => granted.Contains(b, StringComparer.OrdinalIgnoreCase));
        }

        private static IEnumerable<string> Broader(string permission) => permission switch
        {
            "User.Read.All" => new[] { "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" },
            "Domain.Read.All" => new[] { "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" },
            "Directory.Read.All" => new[] { "Directory.ReadWrite.All" },
            "User-PasswordProfile.ReadWrite.All" => new[] { "User.ReadWrite.All", "Directory.ReadWrite.All" },
            "User.RevokeSessions.All" => new[] { "User.ReadWrite.All", "Directory.ReadWrite.All" },
            "UserAuthenticationMethod.Read.All" => new[] { "UserAuthenticationMethod.ReadWrite.All" },
            _ => Array.Empty<string>(),
        };
    }
}
