using System.Net;
using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AadstsTools.GraphEmulator.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1: turns each HTTP request into a <see cref="GraphRequest"/> (after the configured latency),
/// applies the random connection drops, records it and writes the answer with Graph's headers.
/// </summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    private const string VersionPrefix = "/v1.0";

    private readonly WebApplication app;
    private readonly EmulatorContext context;
    private readonly RequestProcessor processor;

    private EmulatorServer(WebApplication app, EmulatorContext context)
    {
        this.app = app;
        this.context = context;
        processor = new RequestProcessor(context);
    }

    public int Port { get; private set; }

    public static async Task<EmulatorServer> StartAsync(EmulatorContext context)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddRequestDecompression();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, context.Options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
        });

        var app = builder.Build();
        var server = new EmulatorServer(app, context);
        app.UseRequestDecompression();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        context.BaseUrl = $"http://127.0.0.1:{server.Port}{VersionPrefix}";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var options = context.Options;
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
        }

        var (request, versioned) = await ReadRequestAsync(http).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (context.Faults.DropConnection(DropPoint.BeforeProcessing))
        {
            Drop(http, request);
            return;
        }

        var response = versioned
            ? processor.HandleHttp(request, http.Request.Headers.Authorization.ToString())
            : ErrorResponse.From(request, GraphErrors.BadRequest($"Invalid version: the emulator serves only {VersionPrefix[1..]}."));

        if (response.DropConnection || context.Faults.DropConnection(DropPoint.AfterProcessing))
        {
            Drop(http, request);
            return;
        }

        context.Record(request, response.Status);
        await WriteAsync(http, request, response).ConfigureAwait(false);
    }

    /// <summary>The request with its path relative to the version (false when it names none or another), or null once a bad body was answered.</summary>
    private async Task<(GraphRequest? Request, bool Versioned)> ReadRequestAsync(HttpContext http)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "ConsistencyLevel", "client-request-id", "Content-Type" })
        {
            if (http.Request.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        var date = context.Options.TimeProvider.GetUtcNow();
        var clientRequestId = headers.GetValueOrDefault("client-request-id");
        JsonElement? body = null;
        string? bodyError = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                bodyError = "The request body is not valid JSON.";
            }
        }

        var path = http.Request.Path.Value ?? "/";
        var versioned = path.Equals(VersionPrefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(VersionPrefix + "/", StringComparison.OrdinalIgnoreCase);
        if (versioned)
        {
            path = path.Length == VersionPrefix.Length ? "/" : path[VersionPrefix.Length..];
        }

        var request = new GraphRequest(http.Request.Method, path, http.Request.QueryString.Value ?? string.Empty,
            headers, body, inBatch: false, date, clientRequestId);
        if (bodyError is null)
        {
            return (request, versioned);
        }

        context.Record(request, 400);
        await WriteAsync(http, request, ErrorResponse.From(request, GraphErrors.BadRequest(bodyError))).ConfigureAwait(false);
        return (null, versioned);
    }

    private void Drop(HttpContext http, GraphRequest request)
    {
        context.Record(request, 0);
        http.Abort();
    }

    private static async Task WriteAsync(HttpContext http, GraphRequest request, GraphResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.Headers["request-id"] = request.RequestId;
        http.Response.Headers["client-request-id"] = request.ClientRequestId;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.Body is { } body)
        {
            http.Response.ContentType = GraphResponse.ODataJson;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
