using AadstsTools.GraphEmulator.Endpoints;
using AadstsTools.GraphEmulator.Errors;

namespace AadstsTools.GraphEmulator.Routing;

/// <summary>Maps a request's method and path segments (case-insensitive, as Graph) to its endpoint.</summary>
internal sealed class GraphRouter
{
    private readonly UsersEndpoint users;
    private readonly UserUpdateEndpoint userUpdate;
    private readonly RevokeSessionsEndpoint revokeSessions;
    private readonly AuthenticationMethodsEndpoint authenticationMethods;
    private readonly DomainsEndpoint domains;
    private readonly RegistrationDetailsEndpoint registrationDetails;
    private readonly SignInsEndpoint signIns;

    public GraphRouter(EmulatorContext context)
    {
        users = new UsersEndpoint(context);
        userUpdate = new UserUpdateEndpoint(context);
        revokeSessions = new RevokeSessionsEndpoint(context);
        authenticationMethods = new AuthenticationMethodsEndpoint(context);
        domains = new DomainsEndpoint(context);
        registrationDetails = new RegistrationDetailsEndpoint(context);
        signIns = new SignInsEndpoint(context);
    }

    public GraphResponse Dispatch(GraphRequest request)
    {
        var s = request.Segments;
        var method = request.Method;
        if (s.Length == 0)
        {
            throw GraphErrors.BadRequest("Invalid request: no resource given.");
        }

        switch (s[0].ToLowerInvariant())
        {
            case "users":
                return s.Length switch
                {
                    1 => Only("GET", method, () => users.List(request)),
                    2 => method switch
                    {
                        "GET" => users.Get(request, s[1]),
                        "PATCH" => userUpdate.Patch(request, s[1]),
                        _ => throw GraphErrors.MethodNotAllowed(method),
                    },
                    3 when Is(s[2], "revokeSignInSessions") => Only("POST", method, () => revokeSessions.Post(request, s[1])),
                    4 when Is(s[2], "authentication") && Is(s[3], "methods") =>
                        Only("GET", method, () => authenticationMethods.List(request, s[1])),
                    _ => throw GraphErrors.SegmentNotFound(s[Math.Min(2, s.Length - 1)]),
                };

            case "domains":
                return s.Length switch
                {
                    1 => Only("GET", method, () => domains.List(request)),
                    2 => Only("GET", method, () => domains.Get(request, s[1])),
                    _ => throw GraphErrors.SegmentNotFound(s[2]),
                };

            case "reports" when s.Length >= 3 && Is(s[1], "authenticationMethods") && Is(s[2], "userRegistrationDetails"):
                return s.Length switch
                {
                    3 => Only("GET", method, () => registrationDetails.List(request)),
                    4 => Only("GET", method, () => registrationDetails.Get(request, s[3])),
                    _ => throw GraphErrors.SegmentNotFound(s[4]),
                };

            case "auditlogs" when s.Length >= 2 && Is(s[1], "signIns"):
                return s.Length switch
                {
                    2 => Only("GET", method, () => signIns.List(request)),
                    3 => Only("GET", method, () => signIns.Get(request, s[2])),
                    _ => throw GraphErrors.SegmentNotFound(s[3]),
                };

            case "reports" or "auditlogs" when s.Length > 1:
                throw GraphErrors.SegmentNotFound(s[1]);

            default:
                throw GraphErrors.SegmentNotFound(s[0]);
        }
    }

    private static GraphResponse Only(string allowed, string method, Func<GraphResponse> handle) =>
        method == allowed ? handle() : throw GraphErrors.MethodNotAllowed(method);

    private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);
}
