namespace AadstsTools.GraphEmulator.Security;

/// <summary>Built-in Entra roles the emulator's checks know, and which of them each check accepts.</summary>
public static class DirectoryRoles
{
    public const string GlobalAdministrator = "Global Administrator";
    public const string PrivilegedAuthenticationAdministrator = "Privileged Authentication Administrator";
    public const string UserAdministrator = "User Administrator";
    public const string HelpdeskAdministrator = "Helpdesk Administrator";
    public const string PasswordAdministrator = "Password Administrator";
    public const string AuthenticationAdministrator = "Authentication Administrator";
    public const string GlobalReader = "Global Reader";
    public const string ReportsReader = "Reports Reader";
    public const string SecurityReader = "Security Reader";
    public const string SecurityAdministrator = "Security Administrator";

    /// <summary>Roles that may reset the password of (or revoke sessions for) a user who holds no admin role.</summary>
    public static IReadOnlyList<string> ResetNonAdmins { get; } = new[]
    {
        UserAdministrator, HelpdeskAdministrator, PasswordAdministrator, AuthenticationAdministrator,
        PrivilegedAuthenticationAdministrator, GlobalAdministrator,
    };

    /// <summary>
    /// Roles that may reset any administrator. Entra lets some lesser roles reset some admins; the emulator keeps the
    /// simple rule that an admin needs one of these.
    /// </summary>
    public static IReadOnlyList<string> ResetAdmins { get; } = new[] { PrivilegedAuthenticationAdministrator, GlobalAdministrator };

    /// <summary>Roles a delegated caller needs for the sign-in logs and the registration report.</summary>
    public static IReadOnlyList<string> ReadReports { get; } = new[]
    {
        ReportsReader, SecurityReader, SecurityAdministrator, GlobalReader, GlobalAdministrator,
    };
}
