using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AadstsTools.GraphEmulator.Tests.TestSupport;

/// <summary>Plain HTTP calls to the emulator with its token, answers parsed as JSON.</summary>
internal sealed class GraphHttp : IDisposable
{
    private readonly HttpClient client = new();
    private readonly GraphEmulator emulator;
    private readonly string? token;

    public GraphHttp(GraphEmulator emulator)
        : this(emulator, emulator.AccessToken)
    {
    }

    /// <summary>Calls with this bearer token, or none when null.</summary>
    public GraphHttp(GraphEmulator emulator, string? token)
    {
        this.emulator = emulator;
        this.token = token;
    }

    public Task<GraphResult> GetAsync(string relativeUrl, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, relativeUrl, null, headers);

    public Task<GraphResult> PatchAsync(string relativeUrl, string json) => SendAsync(HttpMethod.Patch, relativeUrl, json);

    public Task<GraphResult> PostAsync(string relativeUrl, string? json = null) => SendAsync(HttpMethod.Post, relativeUrl, json);

    public async Task<GraphResult> SendAsync(HttpMethod method, string relativeUrl, string? json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, Url(relativeUrl));
        if (token is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await SendAsync(request);
    }

    public async Task<GraphResult> SendAsync(HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new GraphResult(response.StatusCode, json, response.Headers, text);
    }

    /// <summary>Relative to the emulator's base URL ("users/x"), or absolute (a nextLink).</summary>
    public string Url(string relativeUrl) =>
        relativeUrl.StartsWith("http", StringComparison.Ordinal) ? relativeUrl : emulator.BaseUrl + "/" + relativeUrl.TrimStart('/');

    public void Dispose() => client.Dispose();
}

/// <summary>A response: status, JSON body (default when empty), headers, raw text.</summary>
internal sealed record GraphResult(HttpStatusCode Status, JsonElement Json, HttpResponseHeaders Headers, string Text)
{
    public string? ErrorCode => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out var e) ? e.GetProperty("code").GetString() : null;

    public string? ErrorMessage => Json.GetProperty("error").GetProperty("message").GetString();

    public JsonElement[] Values => Json.GetProperty("value").EnumerateArray().ToArray();

    public string? NextLink => Json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;

    public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
