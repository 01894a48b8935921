using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.OData;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.Security;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>GET /domains and /domains/{id}. The password policy properties are left out when the domain has none set.</summary>
internal sealed class DomainsEndpoint
{
    private static readonly CollectionRules Rules = new(1000, 1000, new[] { "$select" });

    private static readonly EntityWriter<EmulatorDomain> Writer = new("microsoft.graph.domain", new (string, Action<Utf8JsonWriter, EmulatorDomain>)[]
    {
        ("authenticationType", (w, d) => w.WriteString("authenticationType", d.AuthenticationType)),
        ("availabilityStatus", (w, d) => w.WriteNull("availabilityStatus")),
        ("id", (w, d) => w.WriteString("id", d.Id)),
        ("isAdminManaged", (w, d) => w.WriteBoolean("isAdminManaged", true)),
        ("isDefault", (w, d) => w.WriteBoolean("isDefault", d.IsDefault)),
        ("isInitial", (w, d) => w.WriteBoolean("isInitial", d.IsInitial)),
        ("isRoot", (w, d) => w.WriteBoolean("isRoot", d.IsRoot)),
        ("isVerified", (w, d) => w.WriteBoolean("isVerified", d.IsVerified)),
        ("supportedServices", (w, d) => w.WriteStringArray("supportedServices", d.IsVerified ? new[] { "Email", "OfficeCommunicationsOnline" } : Array.Empty<string>())),
        ("passwordNotificationWindowInDays", (w, d) => WriteOptional(w, "passwordNotificationWindowInDays", d.PasswordNotificationWindowInDays)),
        ("passwordValidityPeriodInDays", (w, d) => WriteOptional(w, "passwordValidityPeriodInDays", d.PasswordValidityPeriodInDays)),
        ("state", (w, d) => w.WriteNull("state")),
    });

    private readonly EmulatorContext context;

    public DomainsEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse Get(GraphRequest request, string id)
    {
        context.RequirePermission(GraphPermissions.ReadDomains);
        var select = Responses.EntitySelect(request, Writer);
        var domain = context.Tenant.FindDomain(id) ?? throw GraphErrors.NotFound(id);
        return Responses.Entity(context.Context("domains" + select?.ContextSuffix + "/$entity"), domain, Writer, select);
    }

    public GraphResponse List(GraphRequest request)
    {
        context.RequirePermission(GraphPermissions.ReadDomains);
        var query = CollectionQuery.Parse(request, Rules, Writer.ParseSelect);
        var domains = context.Tenant.Domains;
        return Responses.Collection(context.Context("domains" + query.Select?.ContextSuffix), domains, null, null,
            (w, domain) => Writer.Write(w, domain, query.Select));
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } days)
        {
            writer.WriteNumber(name, days);
        }
    }
}
