using AadstsTools.GraphEmulator.Endpoints;
using AadstsTools.GraphEmulator.Errors;

namespace AadstsTools.GraphEmulator.Routing;

/// <summary>
/// The path every request takes once it has arrived: the token check for HTTP requests, then, for each Graph
/// operation (an HTTP request or a <c>$batch</c> sub-request): targeted faults, random 503/504s, throttling, the
/// endpoint. Any <see cref="GraphException"/> becomes Graph's error body here.
/// </summary>
internal sealed class RequestProcessor
{
    private readonly EmulatorContext context;
    private readonly GraphRouter router;
    private readonly BatchEndpoint batch;

    public RequestProcessor(EmulatorContext context)
    {
        this.context = context;
        router = new GraphRouter(context);
        batch = new BatchEndpoint(context, this);
    }

    public GraphResponse HandleHttp(GraphRequest request, string? authorization)
    {
        try
        {
            Authenticate(authorization);
            if (request.Segments is ["$batch"])
            {
                if (request.Method != "POST")
                {
                    throw GraphErrors.MethodNotAllowed(request.Method);
                }

                return InjectedFault(request) ?? batch.Handle(request);
            }

            return Process(request);
        }
        catch (GraphException error)
        {
            return ErrorResponse.From(request, error);
        }
    }

    /// <summary>One Graph operation, over HTTP or inside a batch.</summary>
    public GraphResponse Process(GraphRequest request)
    {
        try
        {
            if (InjectedFault(request) is { } fault)
            {
                return fault;
            }

            if (context.Faults.Throttle(request.Path) is { } throttled)
            {
                throw throttled;
            }

            return router.Dispatch(request);
        }
        catch (GraphException error)
        {
            return ErrorResponse.From(request, error);
        }
    }

    private GraphResponse? InjectedFault(GraphRequest request)
    {
        if (context.Faults.MatchRule(request) is { } rule)
        {
            return rule.DropConnection ? GraphResponse.Dropped() : ErrorResponse.From(request, context.Faults.RuleError(rule));
        }

        return context.Faults.TransientFailure() is { } transient ? ErrorResponse.From(request, transient) : null;
    }

    private void Authenticate(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            || authorization.Length == Bearer.Length)
        {
            throw GraphErrors.TokenMissing();
        }

        if (!string.Equals(authorization[Bearer.Length..].Trim(), context.Options.AccessToken, StringComparison.Ordinal))
        {
            throw GraphErrors.TokenInvalid();
        }
    }
}
