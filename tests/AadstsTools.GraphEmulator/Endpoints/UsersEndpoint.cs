using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.OData;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.Security;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>GET /users and GET /users/{id | userPrincipalName}.</summary>
internal sealed class UsersEndpoint
{
    private static readonly CollectionRules Rules = new(100, 999, new[] { "$select", "$filter", "$top", "$count" });

    private readonly EmulatorContext context;

    public UsersEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse Get(GraphRequest request, string idOrUpn)
    {
        context.RequirePermission(GraphPermissions.ReadUsers);
        var select = Responses.EntitySelect(request, UserResource.Writer);
        var user = context.Tenant.FindUser(idOrUpn) ?? throw GraphErrors.NotFound(idOrUpn);
        return Responses.Entity(context.Context("users" + select?.ContextSuffix + "/$entity"), UserResource.View(user), UserResource.Writer, select);
    }

    public GraphResponse List(GraphRequest request)
    {
        context.RequirePermission(GraphPermissions.ReadUsers);
        var query = CollectionQuery.Parse(request, Rules, UserResource.Writer.ParseSelect);
        var index = context.Tenant.Index;
        IReadOnlyList<EmulatorUser> matches = index.Users;
        if (query.Filter is { } filter)
        {
            var predicate = UserResource.Filter.Compile(filter, query.Advanced);
            matches = Candidates(index, filter).Where(predicate).ToArray();
        }

        var (page, nextLink) = query.Page(matches, context.BaseUrl);
        return Responses.Collection(
            context.Context("users" + query.Select?.ContextSuffix),
            page,
            nextLink,
            query.Count ? matches.Count : null,
            (w, user) => UserResource.Writer.Write(w, UserResource.View(user), query.Select));
    }

    /// <summary>Users an id or UPN lookup narrows the filter to, in the order asked; otherwise every user.</summary>
    private static IEnumerable<EmulatorUser> Candidates(TenantIndex index, FilterNode filter)
    {
        if (FilterHints.EqualValues(filter, "id") is { } ids)
        {
            return ids.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => index.UsersById.GetValueOrDefault(id)).OfType<EmulatorUser>();
        }

        if (FilterHints.EqualValues(filter, "userPrincipalName") is { } upns)
        {
            return upns.Distinct(StringComparer.OrdinalIgnoreCase).Select(upn => index.UsersByUpn.GetValueOrDefault(upn)).OfType<EmulatorUser>();
        }

        return index.Users;
    }
}
