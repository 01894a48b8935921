using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.Security;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>GET /users/{id}/authentication/methods: the methods behind the user's registration, each with its Graph type.</summary>
internal sealed class AuthenticationMethodsEndpoint
{
    private readonly EmulatorContext context;

    public AuthenticationMethodsEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse List(GraphRequest request, string idOrUpn)
    {
        if (!context.Options.HasPermission(GraphPermissions.ReadAuthenticationMethods))
        {
            throw GraphErrors.AuthenticationMethodsDenied();
        }

        Responses.RequireNoQueryOptions(request);

        var user = context.Tenant.FindUser(idOrUpn) ?? throw GraphErrors.NotFound(idOrUpn);
        var methods = context.Tenant.AuthenticationMethods(user);
        return Responses.Collection(context.Context($"users('{user.Id}')/authentication/methods"), methods, null, null, (w, method) =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.type", method.ODataType);
            w.WriteString("id", method.Id);
            foreach (var (name, value) in method.Properties)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
        });
    }
}
