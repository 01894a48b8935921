using System.Text.Json;
using System.Text.Json.Serialization;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Fixtures;

/// <summary>
/// Reads a fixture file (Fixtures/README.md) into a tenant. Unknown properties, missing ids, bad times and sign-ins for
/// unknown users are refused with the file and the JSON path of the offending value.
/// </summary>
internal static class FixtureLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static EmulatorTenant Load(string path, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The fixture file '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path), now, path);
    }

    public static EmulatorTenant Parse(string json, DateTimeOffset now, string source)
    {
        FixtureDocument document;
        try
        {
            document = JsonSerializer.Deserialize<FixtureDocument>(json, JsonOptions)
                ?? throw new InvalidDataException($"Fixture {source}: the file is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Fixture {source}: {e.Path}: {e.Message}", e);
        }

        var where = "Fixture " + source;
        var domains = document.Domains.Select((d, i) => Domain(d, $"{where}: domains[{i}]")).ToArray();
        var users = document.Users.Select((u, i) => User(u, now, $"{where}: users[{i}]")).ToArray();
        var byKey = users.SelectMany(u => new[] { (u.Id, u), (u.UserPrincipalName, u) })
            .GroupBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().u, StringComparer.OrdinalIgnoreCase);
        var signIns = document.SignIns.SelectMany((s, i) => SignIns(s, byKey, now, $"{where}: signIns[{i}]")).ToArray();
        try
        {
            return new EmulatorTenant(document.TenantName ?? "Contoso", domains, users, signIns);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }
    }

    private static EmulatorDomain Domain(FixtureDomain d, string where) => new()
    {
        Id = Required(d.Id, where, "id"),
        AuthenticationType = d.AuthenticationType switch
        {
            null or "Managed" => "Managed",
            "Federated" => "Federated",
            var other => throw new InvalidDataException($"{where}.authenticationType: '{other}' is not Managed or Federated."),
        },
        IsDefault = d.IsDefault,
        IsInitial = d.IsInitial,
        IsRoot = d.IsRoot ?? true,
        IsVerified = d.IsVerified ?? true,
        PasswordValidityPeriodInDays = d.PasswordValidityPeriodInDays,
        PasswordNotificationWindowInDays = d.PasswordNotificationWindowInDays,
    };

    private static EmulatorUser User(FixtureUser u, DateTimeOffset now, string where)
    {
        var id = Required(u.Id, where, "id");
        if (!Guid.TryParse(id, out _))
        {
            throw new InvalidDataException($"{where}.id: '{id}' is not a GUID (Graph object ids are).");
        }

        var upn = Required(u.UserPrincipalName, where, "userPrincipalName");
        if (upn.IndexOf('@') is var at && (at <= 0 || at == upn.Length - 1))
        {
            throw new InvalidDataException($"{where}.userPrincipalName: '{upn}' is not of the form name@domain.");
        }

        var registration = u.Registration;
        return new EmulatorUser
        {
            Id = id,
            UserPrincipalName = upn,
            DisplayName = u.DisplayName ?? string.Join(" ", new[] { u.GivenName, u.Surname }.Where(n => n is not null)),
            GivenName = u.GivenName,
            Surname = u.Surname,
            Mail = u.Mail,
            AccountEnabled = u.AccountEnabled ?? true,
            UserType = u.UserType switch
            {
                null or "Member" => "Member",
                "Guest" => "Guest",
                var other => throw new InvalidDataException($"{where}.userType: '{other}' is not Member or Guest."),
            },
            PasswordPolicies = u.PasswordPolicies,
            LastPasswordChangeDateTime = FixtureTime.ParseOptional(u.LastPasswordChangeDateTime, now, where + ".lastPasswordChangeDateTime"),
            CreatedDateTime = FixtureTime.ParseOptional(u.CreatedDateTime, now, where + ".createdDateTime"),
            OnPremisesSyncEnabled = u.OnPremisesSyncEnabled,
            OnPremisesLastSyncDateTime = FixtureTime.ParseOptional(u.OnPremisesLastSyncDateTime, now, where + ".onPremisesLastSyncDateTime"),
            OnPremisesImmutableId = u.OnPremisesImmutableId,
            SignInSessionsValidFromDateTime = FixtureTime.ParseOptional(u.SignInSessionsValidFromDateTime, now, where + ".signInSessionsValidFromDateTime"),
            ForceChangePasswordNextSignIn = u.ForceChangePasswordNextSignIn ?? false,
            AssignedLicenses = (u.AssignedLicenses ?? new()).Select(l => new EmulatorLicense(l.SkuId, l.DisabledPlans ?? new())).ToArray(),
            DirectoryRoles = u.DirectoryRoles ?? new(),
            Registration = registration is null ? new EmulatorRegistration() : new EmulatorRegistration
            {
                IsSsprRegistered = registration.IsSsprRegistered,
                IsSsprEnabled = registration.IsSsprEnabled,
                IsSsprCapable = registration.IsSsprCapable,
                IsMfaRegistered = registration.IsMfaRegistered,
                IsMfaCapable = registration.IsMfaCapable,
                IsPasswordlessCapable = registration.IsPasswordlessCapable,
                MethodsRegistered = registration.MethodsRegistered ?? new(),
                LastUpdatedDateTime = FixtureTime.ParseOptional(registration.LastUpdatedDateTime, now, where + ".registration.lastUpdatedDateTime"),
            },
        };
    }

    private static IEnumerable<EmulatorSignIn> SignIns(FixtureSignIn s, IReadOnlyDictionary<string, EmulatorUser> users, DateTimeOffset now, string where)
    {
        var key = Required(s.User, where, "user");
        if (!users.TryGetValue(key, out var user))
        {
            throw new InvalidDataException($"{where}.user: no user has the userPrincipalName or id '{key}'.");
        }

        if (s.Repeat < 1)
        {
            throw new InvalidDataException($"{where}.repeat: {s.Repeat} is not a count of events (1 or more).");
        }

        if (s.Id is not null && s.Repeat > 1)
        {
            throw new InvalidDataException($"{where}: an id cannot be given to a repeated event.");
        }

        var first = FixtureTime.Parse(Required(s.CreatedDateTime, where, "createdDateTime"), now, where + ".createdDateTime");
        var interval = s.Interval is null ? TimeSpan.FromMinutes(1) : FixtureTime.ParseDuration(s.Interval, where + ".interval");
        for (var k = 0; k < s.Repeat; k++)
        {
            var created = first - (k * interval);
            var seed = $"{where}/{k}";
            yield return new EmulatorSignIn
            {
                Id = s.Id ?? StableId.From(seed),
                CreatedDateTime = created,
                UserId = user.Id,
                UserPrincipalName = user.UserPrincipalName.ToLowerInvariant(),
                UserDisplayName = user.DisplayName,
                ErrorCode = s.ErrorCode,
                FailureReason = s.FailureReason,
                AdditionalDetails = s.AdditionalDetails,
                AppId = s.AppId ?? "00000002-0000-0ff1-ce00-000000000000",
                AppDisplayName = s.AppDisplayName ?? "Office 365 Exchange Online",
                IpAddress = s.IpAddress ?? "203.0.113.10",
                ClientAppUsed = s.ClientAppUsed ?? "Browser",
                ConditionalAccessStatus = s.ConditionalAccessStatus ?? "notApplied",
                IsInteractive = s.IsInteractive ?? true,
                CorrelationId = s.CorrelationId ?? StableId.From(seed + "/correlation"),
                City = s.City ?? "Seattle",
                State = s.State ?? "Washington",
                CountryOrRegion = s.CountryOrRegion ?? "US",
            };
        }
    }

    private static string Required(string? value, string where, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{where}.{name} is missing.") : value;
}
