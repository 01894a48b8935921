using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.OData;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>
/// The user resource as Graph v1.0 shows it: default properties, the selectable ones the module reads (returned only
/// when selected, as in Graph), the filterable ones and the operators Graph allows on each.
/// </summary>
internal static class UserResource
{
    /// <summary>Graph's default user properties (no $select).</summary>
    private static readonly string[] Defaults =
    {
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
        "preferredLanguage", "surname", "userPrincipalName", "id",
    };

    public static EntityWriter<UserView> Writer { get; } = new("microsoft.graph.user", new (string, Action<Utf8JsonWriter, UserView>)[]
    {
        ("id", (w, u) => w.WriteString("id", u.User.Id)),
        ("userPrincipalName", (w, u) => w.WriteString("userPrincipalName", u.User.UserPrincipalName)),
        ("displayName", (w, u) => w.WriteString("displayName", u.User.DisplayName)),
        ("givenName", (w, u) => w.WriteString("givenName", u.User.GivenName)),
        ("surname", (w, u) => w.WriteString("surname", u.User.Surname)),
        ("mail", (w, u) => w.WriteString("mail", u.User.Mail)),
        ("businessPhones", (w, u) => w.WriteStringArray("businessPhones", Array.Empty<string>())),
        ("jobTitle", (w, u) => w.WriteNull("jobTitle")),
        ("mobilePhone", (w, u) => w.WriteNull("mobilePhone")),
        ("officeLocation", (w, u) => w.WriteNull("officeLocation")),
        ("preferredLanguage", (w, u) => w.WriteNull("preferredLanguage")),
        ("department", (w, u) => w.WriteNull("department")),
        ("employeeId", (w, u) => w.WriteNull("employeeId")),
        ("usageLocation", (w, u) => w.WriteNull("usageLocation")),
        ("mailNickname", (w, u) => w.WriteString("mailNickname", u.User.UserPrincipalName.Split('@')[0])),
        ("otherMails", (w, u) => w.WriteStringArray("otherMails", Array.Empty<string>())),
        ("proxyAddresses", (w, u) => w.WriteStringArray("proxyAddresses", u.User.Mail is null ? Array.Empty<string>() : new[] { "SMTP:" + u.User.Mail })),
        ("accountEnabled", (w, u) => w.WriteBoolean("accountEnabled", u.User.AccountEnabled)),
        ("userType", (w, u) => w.WriteString("userType", u.User.UserType)),
        ("passwordPolicies", (w, u) => w.WriteString("passwordPolicies", u.User.PasswordPolicies)),
        ("lastPasswordChangeDateTime", (w, u) => w.WriteDate("lastPasswordChangeDateTime", u.State.LastPasswordChangeDateTime)),
        ("createdDateTime", (w, u) => w.WriteDate("createdDateTime", u.User.CreatedDateTime)),
        ("onPremisesSyncEnabled", (w, u) => w.WriteNullableBoolean("onPremisesSyncEnabled", u.User.OnPremisesSyncEnabled)),
        ("onPremisesLastSyncDateTime", (w, u) => w.WriteDate("onPremisesLastSyncDateTime", u.User.OnPremisesLastSyncDateTime)),
        ("onPremisesImmutableId", (w, u) => w.WriteString("onPremisesImmutableId", u.User.OnPremisesImmutableId)),
        ("onPremisesSamAccountName", (w, u) => w.WriteString("onPremisesSamAccountName", u.User.OnPremisesSyncEnabled is null ? null : u.User.UserPrincipalName.Split('@')[0])),
        ("onPremisesUserPrincipalName", (w, u) => w.WriteString("onPremisesUserPrincipalName", u.User.OnPremisesSyncEnabled is null ? null : u.User.UserPrincipalName)),
        ("signInSessionsValidFromDateTime", (w, u) => w.WriteDate("signInSessionsValidFromDateTime", u.State.SignInSessionsValidFromDateTime)),
        ("assignedLicenses", WriteLicenses),
        ("passwordProfile", WritePasswordProfile),
        ("signInActivity", (w, u) => throw GraphErrors.UnsupportedQuery("The Graph emulator does not emulate signInActivity; read the sign-in logs instead.")),
    }, Defaults);

    private static readonly Action<FilterLiteral> ObjectIdentifier = literal =>
    {
        if (literal.Value is string value && !Guid.TryParse(value, out _))
        {
            throw GraphErrors.InvalidRequest($"Invalid object identifier '{value}'.");
        }
    };

    private const FilterOperations Strings = FilterOperations.Eq | FilterOperations.In | FilterOperations.StartsWith
        | FilterOperations.Ne | FilterOperations.Not | FilterOperations.EndsWith;

    private const FilterOperations AdvancedStrings = FilterOperations.Ne | FilterOperations.Not | FilterOperations.EndsWith;

    private const FilterOperations Advanced = FilterOperations.Ne | FilterOperations.Not;

    /// <summary>Filterable user properties; Graph caps one OR group (in values or or'ed clauses) at 15.</summary>
    public static FilterSchema<EmulatorUser> Filter { get; } = new("User", new Dictionary<string, FilterField<EmulatorUser>>
    {
        ["id"] = new(u => u.Id, FilterValueKind.String, FilterOperations.Eq | FilterOperations.In | Advanced, Advanced, Validate: ObjectIdentifier),
        ["userPrincipalName"] = new(u => u.UserPrincipalName, FilterValueKind.String, Strings, AdvancedStrings),
        ["displayName"] = new(u => u.DisplayName, FilterValueKind.String, Strings, AdvancedStrings),
        ["givenName"] = new(u => u.GivenName, FilterValueKind.String, Strings, AdvancedStrings),
        ["surname"] = new(u => u.Surname, FilterValueKind.String, Strings, AdvancedStrings),
        ["mail"] = new(u => u.Mail, FilterValueKind.String, Strings, AdvancedStrings),
        ["userType"] = new(u => u.UserType, FilterValueKind.String, FilterOperations.Eq | FilterOperations.In | Advanced, Advanced),
        ["onPremisesImmutableId"] = new(u => u.OnPremisesImmutableId, FilterValueKind.String, FilterOperations.Eq | FilterOperations.In | Advanced, Advanced),
        ["accountEnabled"] = new(u => u.AccountEnabled, FilterValueKind.Boolean, FilterOperations.Eq | Advanced, Advanced),
        ["onPremisesSyncEnabled"] = new(u => u.OnPremisesSyncEnabled, FilterValueKind.Boolean, FilterOperations.Eq | Advanced, Advanced),
        ["createdDateTime"] = new(u => u.CreatedDateTime, FilterValueKind.DateTime, FilterOperations.Eq | FilterOperations.Range | Advanced, Advanced),
        ["lastPasswordChangeDateTime"] = new(u => u.LastPasswordChangeDateTime, FilterValueKind.DateTime, FilterOperations.Eq | FilterOperations.Range | Advanced, Advanced),
    }, maxOrClauses: 15);

    public static UserView View(EmulatorUser user) => new(user, user.Current);

    private static void WriteLicenses(Utf8JsonWriter w, UserView u)
    {
        w.WriteStartArray("assignedLicenses");
        foreach (var license in u.User.AssignedLicenses)
        {
            w.WriteStartObject();
            w.WriteStartArray("disabledPlans");
            foreach (var plan in license.DisabledPlans)
            {
                w.WriteStringValue(plan);
            }

            w.WriteEndArray();
            w.WriteString("skuId", license.SkuId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // Graph shows passwordProfile only while a forced change is pending; otherwise null. The password is never returned.
    private static void WritePasswordProfile(Utf8JsonWriter w, UserView u)
    {
        if (!u.State.ForceChangePasswordNextSignIn && !u.State.ForceChangePasswordNextSignInWithMfa)
        {
            w.WriteNull("passwordProfile");
            return;
        }

        w.WriteStartObject("passwordProfile");
        w.WriteNull("password");
        w.WriteBoolean("forceChangePasswordNextSignIn", u.State.ForceChangePasswordNextSignIn);
        w.WriteBoolean("forceChangePasswordNextSignInWithMfa", u.State.ForceChangePasswordNextSignInWithMfa);
        w.WriteEndObject();
    }

    /// <summary>A user with the state read once, so one response never mixes two states.</summary>
    internal readonly record struct UserView(EmulatorUser User, EmulatorUser.UserState State);
}
