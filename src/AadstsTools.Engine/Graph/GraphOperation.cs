namespace AadstsTools.Graph
{
    /// <summary>
    /// One kind of Graph call and what it needs: the least permission, the directory role a delegated
    /// caller (or an app-only service principal) must hold, and whether it needs Entra ID P1/P2. Used to
    /// turn a raw 403 into "grant X" and to compute the scopes a cmdlet asks for.
    /// </summary>
    public sealed class GraphOperation
    {
        private GraphOperation(string description, string permissions, string? role = null, string? appOnlyRole = null, bool needsPremium = false)
        {
            Description = description;
            Permissions = permissions.Split('+');
            Role = role;
            AppOnlyRole = appOnlyRole;
            NeedsPremium = needsPremium;
        }

        public static GraphOperation ReadUsers { get; } = new GraphOperation("read users", "User.Read.All");

        public static GraphOperation ReadDomains { get; } = new GraphOperation("read the tenant's domains", "Domain.Read.All");

        public static GraphOperation ReadRegistrationDetails { get; } = new GraphOperation(
            "read the authentication methods registration report", "AuditLog.Read.All", role: "Reports Reader (or Security Reader, Global Reader)", needsPremium: true);

        public static GraphOperation ReadAuthenticationMethods { get; } = new GraphOperation(
            "read a user's authentication methods", "UserAuthenticationMethod.Read.All", role: "Authentication Administrator (or Global Reader)");

        public static GraphOperation ReadSignIns { get; } = new GraphOperation(
            "read the sign-in logs", "AuditLog.Read.All+Directory.Read.All", role: "Reports Reader (or Security Reader, Global Reader)", needsPremium: true);

        public static GraphOperation ResetPassword { get; } = new GraphOperation(
            "reset a user's password", "User-PasswordProfile.ReadWrite.All",
            role: "User Administrator or Helpdesk Administrator (Privileged Authentication Administrator to reset administrators)",
            appOnlyRole: "User Administrator assigned to the app's service principal (Privileged Authentication Administrator to reset administrators)");

        public static GraphOperation RevokeSessions { get; } = new GraphOperation(
            "revoke a user's sign-in sessions", "User.RevokeSessions.All", role: "User Administrator or Helpdesk Administrator");

        /// <summary>In words, for messages: "reset a user's password".</summary>
        public string Description { get; }

        /// <summary>The least-privileged Graph permissions, all needed (the sign-in log needs two).</summary>
        public System.Collections.Generic.IReadOnlyList<string> Permissions { get; }

        /// <summary>The permissions in words: "AuditLog.Read.All and Directory.Read.All".</summary>
        public string Permission => string.Join(" and ", Permissions);

        /// <summary>The directory role a delegated (signed-in) caller needs as well, if any.</summary>
        public string? Role { get; }

        /// <summary>The role an app-only caller's service principal needs as well, if any.</summary>
        public string? AppOnlyRole { get; }

        public bool NeedsPremium { get; }

        public override string ToString() => Description;
    }
}
