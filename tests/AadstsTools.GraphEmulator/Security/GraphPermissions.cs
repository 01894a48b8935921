using System.Collections.Frozen;

namespace AadstsTools.GraphEmulator.Security;

/// <summary>
/// The Graph permissions each emulated operation accepts, least privileged first (Graph v1.0 reference).
/// </summary>
public static class GraphPermissions
{
    public const string UserReadAll = "User.Read.All";
    public const string UserReadWriteAll = "User.ReadWrite.All";
    public const string UserPasswordProfileReadWriteAll = "User-PasswordProfile.ReadWrite.All";
    public const string UserRevokeSessionsAll = "User.RevokeSessions.All";
    public const string DirectoryReadAll = "Directory.Read.All";
    public const string DirectoryReadWriteAll = "Directory.ReadWrite.All";
    public const string DirectoryAccessAsUserAll = "Directory.AccessAsUser.All";
    public const string DomainReadAll = "Domain.Read.All";
    public const string DomainReadWriteAll = "Domain.ReadWrite.All";
    public const string AuditLogReadAll = "AuditLog.Read.All";
    public const string UserAuthenticationMethodReadAll = "UserAuthenticationMethod.Read.All";
    public const string UserAuthenticationMethodReadWriteAll = "UserAuthenticationMethod.ReadWrite.All";

    public static IReadOnlyList<string> ReadUsers { get; } =
        new[] { UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll };

    public static IReadOnlyList<string> ResetPassword { get; } =
        new[] { UserPasswordProfileReadWriteAll, UserReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll };

    public static IReadOnlyList<string> RevokeSessions { get; } =
        new[] { UserRevokeSessionsAll, UserReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll };

    public static IReadOnlyList<string> ReadDomains { get; } =
        new[] { DomainReadAll, DomainReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll };

    public static IReadOnlyList<string> ReadAuditLogs { get; } = new[] { AuditLogReadAll };

    public static IReadOnlyList<string> ReadAuthenticationMethods { get; } =
        new[] { UserAuthenticationMethodReadAll, UserAuthenticationMethodReadWriteAll };

    /// <summary>The least privileged permission of every operation the module uses.</summary>
    public static FrozenSet<string> ModuleDefaults { get; } = new[]
    {
        UserReadAll, UserPasswordProfileReadWriteAll, UserRevokeSessionsAll, DomainReadAll, AuditLogReadAll,
        UserAuthenticationMethodReadAll,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
