using AadstsTools.GraphEmulator.Hosting;
using AadstsTools.GraphEmulator.Routing;

namespace AadstsTools.GraphEmulator;

/// <summary>
/// A Microsoft Graph v1.0 emulator on 127.0.0.1 for tests and benchmarks: point the Graph SDK at <see cref="BaseUrl"/>
/// with <see cref="AccessToken"/> as a static bearer token. Faults and the caller's permissions are set through
/// <see cref="Options"/>, also while it runs; what requests changed is visible in <see cref="Tenant"/>.
/// </summary>
public sealed class GraphEmulator : IAsyncDisposable
{
    private readonly EmulatorServer server;
    private readonly EmulatorContext context;

    private GraphEmulator(EmulatorServer server, EmulatorContext context)
    {
        this.server = server;
        this.context = context;
    }

    /// <summary>"http://127.0.0.1:PORT/v1.0".</summary>
    public string BaseUrl => context.BaseUrl;

    public int Port => server.Port;

    /// <summary>The bearer token it accepts (<see cref="EmulatorOptions.AccessToken"/>).</summary>
    public string AccessToken => context.Options.AccessToken;

    public EmulatorTenant Tenant => context.Tenant;

    public EmulatorOptions Options => context.Options;

    /// <summary>Every HTTP request and every <c>$batch</c> sub-request answered so far, in the order answered.</summary>
    public IReadOnlyList<RecordedRequest> Requests => context.Requests;

    public static async Task<GraphEmulator> StartAsync(EmulatorTenant tenant, EmulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var context = new EmulatorContext(tenant, options ?? new EmulatorOptions());
        var server = await EmulatorServer.StartAsync(context).ConfigureAwait(false);
        return new GraphEmulator(server, context);
    }

    public void ClearRequests() => context.ClearRequests();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
