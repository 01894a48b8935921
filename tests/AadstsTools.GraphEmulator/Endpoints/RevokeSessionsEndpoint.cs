using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.Security;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>POST /users/{id}/revokeSignInSessions: records the revocation, moves signInSessionsValidFromDateTime, answers true.</summary>
internal sealed class RevokeSessionsEndpoint
{
    private readonly EmulatorContext context;

    public RevokeSessionsEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse Post(GraphRequest request, string idOrUpn)
    {
        context.RequirePermission(GraphPermissions.RevokeSessions);
        var user = context.Tenant.FindUser(idOrUpn) ?? throw GraphErrors.NotFound(idOrUpn);
        UserUpdateEndpoint.RequireRoleOver(context.Options, user);
        user.RecordSessionRevocation(new SessionRevocationRecord(context.Options.TimeProvider.GetUtcNow(), request.InBatch, request.RequestId));
        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context.Context("Edm.Boolean"));
            w.WriteBoolean("value", true);
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }
}
