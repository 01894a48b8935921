using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.Security;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>
/// PATCH /users/{id} with a passwordProfile (the only update the emulator takes): permission, the caller's role against
/// the target's, federated domains, Entra's password rules, then the reset is recorded and 204 returned. A
/// passwordProfile with no password (force change only) is accepted and only sets the flags, as Graph does.
/// </summary>
internal sealed class UserUpdateEndpoint
{
    private readonly EmulatorContext context;

    public UserUpdateEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse Patch(GraphRequest request, string idOrUpn)
    {
        var profile = ReadPasswordProfile(request);
        context.RequirePermission(GraphPermissions.ResetPassword);
        var user = context.Tenant.FindUser(idOrUpn) ?? throw GraphErrors.NotFound(idOrUpn);
        RequireRoleOver(context.Options, user);

        if (context.Tenant.DomainOf(user) is { IsFederated: true })
        {
            throw GraphErrors.OnPremisesMastered();
        }

        if (profile.Password is { } password
            && !PasswordRules.IsAcceptable(password, user.StrongPasswordRequired, NameParts(user), context.Tenant.TenantName))
        {
            throw GraphErrors.PasswordComplexity();
        }

        user.RecordPasswordReset(new PasswordResetRecord(
            context.Options.TimeProvider.GetUtcNow(), profile.Password, profile.ForceChange, profile.ForceChangeWithMfa,
            request.InBatch, request.RequestId));
        return GraphResponse.NoContent();
    }

    /// <summary>Resetting (or revoking) for an admin needs a privileged role; for anyone else a user or helpdesk role.</summary>
    public static void RequireRoleOver(EmulatorOptions options, EmulatorUser target)
    {
        if (!options.HasRole(target.IsAdmin ? DirectoryRoles.ResetAdmins : DirectoryRoles.ResetNonAdmins))
        {
            throw GraphErrors.InsufficientPrivileges();
        }
    }

    private static IEnumerable<string?> NameParts(EmulatorUser user) =>
        new[] { user.GivenName, user.Surname, user.DisplayName, user.UserPrincipalName.Split('@')[0] };

    private static PasswordProfileUpdate ReadPasswordProfile(GraphRequest request)
    {
        if (request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw GraphErrors.BadRequest("Empty Payload. JSON content expected.");
        }

        PasswordProfileUpdate? update = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name.StartsWith("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            if (!property.Name.Equals("passwordProfile", StringComparison.Ordinal))
            {
                throw GraphErrors.InvalidRequest(
                    $"The Graph emulator updates only passwordProfile; the request also sets '{property.Name}'.");
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                throw GraphErrors.BadRequest("Invalid value specified for property 'passwordProfile' of resource 'User'.");
            }

            update = ParseProfile(property.Value);
        }

        return update ?? throw GraphErrors.InvalidRequest("The Graph emulator updates only passwordProfile, and the request has none.");
    }

    private static PasswordProfileUpdate ParseProfile(JsonElement profile)
    {
        string? password = null;
        bool? forceChange = null;
        bool? forceChangeWithMfa = null;
        foreach (var field in profile.EnumerateObject())
        {
            switch (field.Name)
            {
                case "password":
                    password = field.Value.ValueKind switch
                    {
                        JsonValueKind.String => field.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw GraphErrors.BadRequest("Invalid value specified for property 'password' of resource 'PasswordProfile'."),
                    };
                    break;
                case "forceChangePasswordNextSignIn":
                    forceChange = Flag(field);
                    break;
                case "forceChangePasswordNextSignInWithMfa":
                    forceChangeWithMfa = Flag(field);
                    break;
                case var name when name.StartsWith("@odata.", StringComparison.Ordinal):
                    break;
                default:
                    throw GraphErrors.BadRequest($"Property '{field.Name}' does not exist on type 'microsoft.graph.passwordProfile'.");
            }
        }

        return new PasswordProfileUpdate(password, forceChange, forceChangeWithMfa);
    }

    private static bool? Flag(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw GraphErrors.BadRequest($"Invalid value specified for property '{field.Name}' of resource 'PasswordProfile'."),
    };

    private sealed record PasswordProfileUpdate(string? Password, bool? ForceChange, bool? ForceChangeWithMfa);
}
