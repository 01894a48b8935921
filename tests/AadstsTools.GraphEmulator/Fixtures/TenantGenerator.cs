using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Fixtures;

/// <summary>
/// Builds a large tenant for benchmarks: the same users, domains and sign-ins for the same seed and user count, with
/// every readiness case in realistic shares (disabled 2%, guests 3%, federated 2%, admins 1%, synced 20%, never-expiring
/// 15%, passwords aged 0–120 days against a 90-day policy, 20% unregistered for MFA/SSPR) and sign-ins over the last
/// seven days, mostly successes, with 50126, 50053, 50055 and 50076 failures among them.
/// </summary>
internal static class TenantGenerator
{
    private const string Domain = "contoso.com";
    private const string FederatedDomain = "fabrikam.com";
    private const string InitialDomain = "contoso.onmicrosoft.com";

    private static readonly Guid E3 = Guid.Parse("6fd2c87f-b296-42f0-b197-1e91e994b900");
    private static readonly string[] GivenNames = { "Adele", "Alex", "Allan", "Bianca", "Diego", "Emily", "Grady", "Henrietta", "Isaiah", "Johanna", "Joni", "Lee", "Lidia", "Lynne", "Megan", "Miriam", "Nestor", "Patti", "Pradeep", "Wilna" };
    private static readonly string[] Surnames = { "Vance", "Wilber", "Deyoung", "Pisani", "Siciliani", "Braun", "Archie", "Mueller", "Evans", "Lauer", "Sherman", "Gu", "Holloway", "Robbins", "Bowen", "Graham", "Wilke", "Fernandez", "Gupta", "Lisowski" };

    public static EmulatorTenant Generate(int userCount, int seed, DateTimeOffset now, int signInsPerUser)
    {
        if (userCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(userCount), userCount, "The user count cannot be negative.");
        }

        if (signInsPerUser < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(signInsPerUser), signInsPerUser, "The sign-ins per user cannot be negative.");
        }

        var random = new Random(seed);
        var domains = new[]
        {
            new EmulatorDomain { Id = Domain, IsDefault = true, PasswordValidityPeriodInDays = 90, PasswordNotificationWindowInDays = 14 },
            new EmulatorDomain { Id = InitialDomain, IsInitial = true },
            new EmulatorDomain { Id = FederatedDomain, AuthenticationType = "Federated", PasswordValidityPeriodInDays = 90, PasswordNotificationWindowInDays = 14 },
        };

        var users = new List<EmulatorUser>(userCount);
        var signIns = new List<EmulatorSignIn>(userCount * signInsPerUser);
        for (var i = 0; i < userCount; i++)
        {
            var user = NewUser(random, seed, i, now);
            users.Add(user);
            for (var k = 0; k < signInsPerUser; k++)
            {
                signIns.Add(NewSignIn(random, seed, user, k, now));
            }
        }

        return new EmulatorTenant("Contoso", domains, users, signIns);
    }

    private static EmulatorUser NewUser(Random random, int seed, int i, DateTimeOffset now)
    {
        var given = GivenNames[random.Next(GivenNames.Length)];
        var surname = Surnames[random.Next(Surnames.Length)];
        var kind = random.NextDouble();
        var disabled = kind < 0.02;
        var guest = kind is >= 0.02 and < 0.05;
        var federated = kind is >= 0.05 and < 0.07;
        var admin = kind is >= 0.07 and < 0.08;
        var synced = federated || (!guest && random.NextDouble() < 0.2);
        var neverExpires = synced || random.NextDouble() < 0.15;
        var registered = !guest && random.NextDouble() >= 0.2;
        var alias = $"{given}.{surname}{i:D5}".ToLowerInvariant();
        var upn = guest
            ? $"{alias}_partner.example#EXT#@{InitialDomain}"
            : $"{alias}@{(federated ? FederatedDomain : Domain)}";

        return new EmulatorUser
        {
            Id = StableId.From($"generated/{seed}/user/{i}"),
            UserPrincipalName = upn,
            DisplayName = $"{given} {surname}",
            GivenName = given,
            Surname = surname,
            Mail = guest ? $"{alias}@partner.example" : upn,
            AccountEnabled = !disabled,
            UserType = guest ? "Guest" : "Member",
            PasswordPolicies = neverExpires ? "DisablePasswordExpiration" : "None",
            LastPasswordChangeDateTime = now - TimeSpan.FromDays(random.Next(0, 121)) - TimeSpan.FromMinutes(random.Next(0, 1440)),
            CreatedDateTime = now - TimeSpan.FromDays(200 + random.Next(0, 1000)),
            OnPremisesSyncEnabled = synced ? true : null,
            OnPremisesLastSyncDateTime = synced ? now - TimeSpan.FromMinutes(random.NextDouble() < 0.9 ? random.Next(1, 40) : random.Next(60 * 24, 60 * 24 * 10)) : null,
            OnPremisesImmutableId = synced ? Convert.ToBase64String(Guid.Parse(StableId.From($"generated/{seed}/anchor/{i}")).ToByteArray()) : null,
            AssignedLicenses = guest ? Array.Empty<EmulatorLicense>() : new[] { new EmulatorLicense(E3, Array.Empty<Guid>()) },
            DirectoryRoles = admin ? new[] { "User Administrator" } : Array.Empty<string>(),
            Registration = registered
                ? new EmulatorRegistration
                {
                    IsSsprRegistered = true, IsSsprEnabled = true, IsSsprCapable = true, IsMfaRegistered = true, IsMfaCapable = true,
                    MethodsRegistered = new[] { "microsoftAuthenticatorPush", "mobilePhone" },
                    LastUpdatedDateTime = now - TimeSpan.FromDays(random.Next(1, 300)),
                }
                : new EmulatorRegistration { IsSsprEnabled = !guest, LastUpdatedDateTime = now - TimeSpan.FromDays(random.Next(1, 300)) },
        };
    }

    private static EmulatorSignIn NewSignIn(Random random, int seed, EmulatorUser user, int k, DateTimeOffset now)
    {
        var roll = random.NextDouble();
        var (code, reason) = !user.AccountEnabled ? (50057, "The user account is disabled.")
            : roll < 0.80 ? (0, (string?)null)
            : roll < 0.88 ? (50126, "Error validating credentials due to invalid username or password.")
            : roll < 0.91 ? (50053, "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.")
            : roll < 0.94 ? (50055, "The password is expired.")
            : (50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.");
        return new EmulatorSignIn
        {
            Id = StableId.From($"generated/{seed}/signin/{user.Id}/{k}"),
            CreatedDateTime = now - TimeSpan.FromSeconds(random.Next(60, 7 * 24 * 3600)),
            UserId = user.Id,
            UserPrincipalName = user.UserPrincipalName.ToLowerInvariant(),
            UserDisplayName = user.DisplayName,
            ErrorCode = code,
            FailureReason = reason,
            ConditionalAccessStatus = code == 0 ? "success" : "notApplied",
            CorrelationId = StableId.From($"generated/{seed}/correlation/{user.Id}/{k}"),
            City = "Seattle",
            State = "Washington",
            CountryOrRegion = "US",
        };
    }
}
