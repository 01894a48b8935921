namespace AadstsTools.GraphEmulator.State;

/// <summary>
/// An immutable view of the tenant's objects with the lookups requests need: users by id and by UPN, sign-ins newest
/// first, globally and per user. Rebuilt (rarely) when a test adds objects; readers keep the view they started with.
/// </summary>
internal sealed class TenantIndex
{
    public TenantIndex(IReadOnlyList<EmulatorUser> users, IReadOnlyList<EmulatorDomain> domains, IEnumerable<EmulatorSignIn> signIns)
    {
        Users = users;
        Domains = domains;
        UsersById = new Dictionary<string, EmulatorUser>(StringComparer.OrdinalIgnoreCase);
        UsersByUpn = new Dictionary<string, EmulatorUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (!UsersById.TryAdd(user.Id, user))
            {
                throw new ArgumentException($"Two users have the id '{user.Id}'.", nameof(users));
            }

            if (!UsersByUpn.TryAdd(user.UserPrincipalName, user))
            {
                throw new ArgumentException($"Two users have the userPrincipalName '{user.UserPrincipalName}'.", nameof(users));
            }
        }

        DomainsById = new Dictionary<string, EmulatorDomain>(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in domains)
        {
            if (!DomainsById.TryAdd(domain.Id, domain))
            {
                throw new ArgumentException($"The domain '{domain.Id}' is listed twice.", nameof(domains));
            }
        }

        SignIns = signIns.OrderBy(s => s, NewestFirst.Instance).ToArray();
        SignInsByUserId = SignIns
            .GroupBy(s => s.UserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EmulatorSignIn>)g.ToArray(), StringComparer.OrdinalIgnoreCase);
        SignInsById = new Dictionary<string, EmulatorSignIn>(StringComparer.OrdinalIgnoreCase);
        foreach (var signIn in SignIns)
        {
            SignInsById.TryAdd(signIn.Id, signIn);
        }
    }

    public IReadOnlyList<EmulatorUser> Users { get; }

    public IReadOnlyList<EmulatorDomain> Domains { get; }

    public Dictionary<string, EmulatorUser> UsersById { get; }

    public Dictionary<string, EmulatorUser> UsersByUpn { get; }

    public Dictionary<string, EmulatorDomain> DomainsById { get; }

    /// <summary>Newest first (then by id), as Graph lists them.</summary>
    public EmulatorSignIn[] SignIns { get; }

    public Dictionary<string, IReadOnlyList<EmulatorSignIn>> SignInsByUserId { get; }

    public Dictionary<string, EmulatorSignIn> SignInsById { get; }

    public EmulatorUser? FindUser(string idOrUpn) =>
        UsersById.TryGetValue(idOrUpn, out var byId) ? byId : UsersByUpn.GetValueOrDefault(idOrUpn);

    /// <summary>Orders sign-ins newest first, then by id, so paging is stable.</summary>
    internal sealed class NewestFirst : IComparer<EmulatorSignIn>
    {
        public static NewestFirst Instance { get; } = new();

        public int Compare(EmulatorSignIn? x, EmulatorSignIn? y)
        {
            var byTime = y!.CreatedDateTime.CompareTo(x!.CreatedDateTime);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
