using AadstsTools.GraphEmulator.Fixtures;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator;

/// <summary>
/// The emulated directory: users, domains, registration details, authentication methods and sign-in logs. Thread-safe:
/// the emulator reads it while tests read it for assertions (each user's password resets and session revocations).
/// </summary>
public sealed class EmulatorTenant
{
    private readonly object writeLock = new();
    private TenantIndex index;

    public EmulatorTenant(string tenantName, IEnumerable<EmulatorDomain> domains, IEnumerable<EmulatorUser> users,
        IEnumerable<EmulatorSignIn>? signIns = null)
    {
        TenantName = tenantName ?? throw new ArgumentNullException(nameof(tenantName));
        index = new TenantIndex(users.ToArray(), domains.ToArray(), signIns ?? Array.Empty<EmulatorSignIn>());
    }

    /// <summary>The organisation's name (Entra's banned-password check matches it too).</summary>
    public string TenantName { get; }

    public IReadOnlyList<EmulatorUser> Users => Index.Users;

    public IReadOnlyList<EmulatorDomain> Domains => Index.Domains;

    /// <summary>Sign-in events, newest first.</summary>
    public IReadOnlyList<EmulatorSignIn> SignIns => Index.SignIns;

    /// <summary>The users the registration report lists: enabled ones (Graph leaves disabled users out).</summary>
    public IReadOnlyList<EmulatorUser> RegistrationDetails => Index.Users.Where(u => u.AccountEnabled).ToArray();

    internal TenantIndex Index => Volatile.Read(ref index);

    /// <summary>A fixture file (format: Fixtures/README.md); relative times ("now-95d") count from <paramref name="now"/>.</summary>
    public static EmulatorTenant LoadFixture(string path, DateTimeOffset? now = null) =>
        FixtureLoader.Load(path, now ?? DateTimeOffset.UtcNow);

    /// <summary>A fixture given as JSON text.</summary>
    public static EmulatorTenant FromFixtureJson(string json, DateTimeOffset? now = null) =>
        FixtureLoader.Parse(json, now ?? DateTimeOffset.UtcNow, "(json)");

    /// <summary>A large tenant with a repeatable mix of every readiness case (see <see cref="TenantGenerator"/>).</summary>
    public static EmulatorTenant Generate(int userCount, int seed, DateTimeOffset? now = null, int signInsPerUser = 3) =>
        TenantGenerator.Generate(userCount, seed, now ?? DateTimeOffset.UtcNow, signInsPerUser);

    /// <summary>The user with this id or userPrincipalName (case-insensitive), or null.</summary>
    public EmulatorUser? FindUser(string idOrUpn) => Index.FindUser(idOrUpn);

    public EmulatorUser GetUser(string idOrUpn) =>
        FindUser(idOrUpn) ?? throw new KeyNotFoundException($"The tenant has no user '{idOrUpn}'.");

    public EmulatorDomain? FindDomain(string name) => Index.DomainsById.GetValueOrDefault(name);

    /// <summary>The domain of the user's UPN suffix, or its nearest parent domain in the tenant.</summary>
    public EmulatorDomain? DomainOf(EmulatorUser user)
    {
        var name = user.UserPrincipalName[(user.UserPrincipalName.LastIndexOf('@') + 1)..];
        while (true)
        {
            if (FindDomain(name) is { } domain)
            {
                return domain;
            }

            var dot = name.IndexOf('.');
            if (dot < 0 || name.IndexOf('.', dot + 1) < 0)
            {
                return null;
            }

            name = name[(dot + 1)..];
        }
    }

    /// <summary>What /users/{id}/authentication/methods lists for the user.</summary>
    public IReadOnlyList<EmulatorAuthenticationMethod> AuthenticationMethods(EmulatorUser user) =>
        EmulatorAuthenticationMethod.For(user);

    public void AddUser(EmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (writeLock)
        {
            var current = index;
            Volatile.Write(ref index, new TenantIndex(current.Users.Append(user).ToArray(), current.Domains, current.SignIns));
        }
    }

    public void AddSignIns(IEnumerable<EmulatorSignIn> signIns)
    {
        ArgumentNullException.ThrowIfNull(signIns);
        lock (writeLock)
        {
            var current = index;
            Volatile.Write(ref index, new TenantIndex(current.Users, current.Domains, current.SignIns.Concat(signIns)));
        }
    }
}
