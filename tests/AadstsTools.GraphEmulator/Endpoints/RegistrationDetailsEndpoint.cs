using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.OData;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>
/// GET /reports/authenticationMethods/userRegistrationDetails and /{id}: one row per enabled user (Graph leaves disabled
/// users out). Filters are the documented ones (isMfaCapable, isMfaRegistered, isSsprEnabled, isSsprRegistered,
/// methodsRegistered eq; userPrincipalName and userDisplayName eq/startsWith) plus id, userType and isAdmin eq; no
/// <c>in</c>, which Graph does not document for this report.
/// </summary>
internal sealed class RegistrationDetailsEndpoint
{
    private const string ContextPath = "reports/authenticationMethods/userRegistrationDetails";
    private const FilterOperations EqStartsWith = FilterOperations.Eq | FilterOperations.StartsWith;

    private static readonly CollectionRules Rules = new(100, 999, new[] { "$select", "$filter", "$top" });

    private static readonly EntityWriter<EmulatorUser> Writer = new("microsoft.graph.userRegistrationDetails", new (string, Action<Utf8JsonWriter, EmulatorUser>)[]
    {
        ("id", (w, u) => w.WriteString("id", u.Id)),
        ("userPrincipalName", (w, u) => w.WriteString("userPrincipalName", u.UserPrincipalName)),
        ("userDisplayName", (w, u) => w.WriteString("userDisplayName", u.DisplayName)),
        ("userType", (w, u) => w.WriteString("userType", UserType(u))),
        ("isAdmin", (w, u) => w.WriteBoolean("isAdmin", u.IsAdmin)),
        ("isSsprRegistered", (w, u) => w.WriteBoolean("isSsprRegistered", u.Registration.IsSsprRegistered)),
        ("isSsprEnabled", (w, u) => w.WriteBoolean("isSsprEnabled", u.Registration.IsSsprEnabled)),
        ("isSsprCapable", (w, u) => w.WriteBoolean("isSsprCapable", u.Registration.IsSsprCapable)),
        ("isMfaRegistered", (w, u) => w.WriteBoolean("isMfaRegistered", u.Registration.IsMfaRegistered)),
        ("isMfaCapable", (w, u) => w.WriteBoolean("isMfaCapable", u.Registration.IsMfaCapable)),
        ("isPasswordlessCapable", (w, u) => w.WriteBoolean("isPasswordlessCapable", u.Registration.IsPasswordlessCapable)),
        ("isSystemPreferredAuthenticationMethodEnabled", (w, u) => w.WriteBoolean("isSystemPreferredAuthenticationMethodEnabled", u.Registration.IsMfaRegistered)),
        ("lastUpdatedDateTime", (w, u) => w.WriteDate("lastUpdatedDateTime", u.Registration.LastUpdatedDateTime)),
        ("methodsRegistered", (w, u) => w.WriteStringArray("methodsRegistered", u.Registration.MethodsRegistered)),
        ("systemPreferredAuthenticationMethods", (w, u) => w.WriteStringArray("systemPreferredAuthenticationMethods", SystemPreferred(u))),
        ("userPreferredMethodForSecondaryAuthentication", (w, u) => w.WriteString("userPreferredMethodForSecondaryAuthentication", PreferredSecondary(u))),
    });

    private static readonly FilterSchema<EmulatorUser> Filter = new("userRegistrationDetails", new Dictionary<string, FilterField<EmulatorUser>>
    {
        ["id"] = new(u => u.Id, FilterValueKind.String, FilterOperations.Eq),
        ["userPrincipalName"] = new(u => u.UserPrincipalName, FilterValueKind.String, EqStartsWith),
        ["userDisplayName"] = new(u => u.DisplayName, FilterValueKind.String, EqStartsWith),
        ["userType"] = new(UserType, FilterValueKind.String, FilterOperations.Eq),
        ["isAdmin"] = new(u => u.IsAdmin, FilterValueKind.Boolean, FilterOperations.Eq),
        ["isMfaCapable"] = new(u => u.Registration.IsMfaCapable, FilterValueKind.Boolean, FilterOperations.Eq),
        ["isMfaRegistered"] = new(u => u.Registration.IsMfaRegistered, FilterValueKind.Boolean, FilterOperations.Eq),
        ["isSsprEnabled"] = new(u => u.Registration.IsSsprEnabled, FilterValueKind.Boolean, FilterOperations.Eq),
        ["isSsprRegistered"] = new(u => u.Registration.IsSsprRegistered, FilterValueKind.Boolean, FilterOperations.Eq),
        ["isSsprCapable"] = new(u => u.Registration.IsSsprCapable, FilterValueKind.Boolean, FilterOperations.Eq),
        ["isPasswordlessCapable"] = new(u => u.Registration.IsPasswordlessCapable, FilterValueKind.Boolean, FilterOperations.Eq),
        ["methodsRegistered"] = new(u => u.Registration.MethodsRegistered, FilterValueKind.StringCollection, FilterOperations.Eq),
    });

    private readonly EmulatorContext context;

    public RegistrationDetailsEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse Get(GraphRequest request, string id)
    {
        context.RequireReportAccess();
        var select = Responses.EntitySelect(request, Writer);
        var user = context.Tenant.Index.UsersById.GetValueOrDefault(id);
        if (user is not { AccountEnabled: true })
        {
            throw GraphErrors.NotFound(id);
        }

        return Responses.Entity(context.Context(ContextPath + select?.ContextSuffix + "/$entity"), user, Writer, select);
    }

    public GraphResponse List(GraphRequest request)
    {
        context.RequireReportAccess();
        var query = CollectionQuery.Parse(request, Rules, Writer.ParseSelect);
        var index = context.Tenant.Index;
        IEnumerable<EmulatorUser> candidates = index.Users;
        if (query.Filter is { } filter)
        {
            var predicate = Filter.Compile(filter, advancedQuery: false);
            if (FilterHints.EqualValues(filter, "id") is { } ids)
            {
                candidates = ids.Select(id => index.UsersById.GetValueOrDefault(id)).OfType<EmulatorUser>();
            }

            candidates = candidates.Where(predicate);
        }

        var rows = candidates.Where(u => u.AccountEnabled).ToArray();
        var (page, nextLink) = query.Page(rows, context.BaseUrl);
        return Responses.Collection(context.Context(ContextPath + query.Select?.ContextSuffix), page, nextLink, null,
            (w, user) => Writer.Write(w, user, query.Select));
    }

    // The report spells user types in lowercase ("member", "guest").
    private static string UserType(EmulatorUser user) => user.IsGuest ? "guest" : "member";

    private static string PreferredSecondary(EmulatorUser user)
    {
        var methods = user.Registration.MethodsRegistered;
        return methods.Contains("microsoftAuthenticatorPush") ? "push"
            : methods.Contains("softwareOneTimePasscode") ? "oath"
            : methods.Contains("mobilePhone") ? "sms"
            : "none";
    }

    private static IEnumerable<string> SystemPreferred(EmulatorUser user) =>
        user.Registration.MethodsRegistered.Contains("microsoftAuthenticatorPush") ? new[] { "push" }
        : user.Registration.MethodsRegistered.Contains("mobilePhone") ? new[] { "sms" }
        : Array.Empty<string>();
}
