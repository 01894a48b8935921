using System.Text;
using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Routing;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>
/// POST /$batch (JSON batching): up to 20 requests with relative URLs, each run through the same faults, throttles
/// and endpoints as a plain request and answered with its own id, status, headers and body. dependsOn is honoured
/// (a failed dependency gives 424). A sub-request whose fault drops the connection drops the whole batch.
/// </summary>
internal sealed class BatchEndpoint
{
    public const int MaxRequests = 20;

    private readonly EmulatorContext context;
    private readonly RequestProcessor processor;

    public BatchEndpoint(EmulatorContext context, RequestProcessor processor)
    {
        this.context = context;
        this.processor = processor;
    }

    public GraphResponse Handle(GraphRequest batch)
    {
        var steps = ReadSteps(batch);
        var results = new List<(string Id, GraphResponse Response)>();
        foreach (var step in steps)
        {
            var response = Run(batch, step, results);
            if (response.DropConnection)
            {
                return response;
            }

            results.Add((step.Id, response));
        }

        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("responses");
            foreach (var (id, response) in results)
            {
                WriteResponse(w, id, response);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    private GraphResponse Run(GraphRequest batch, Step step, List<(string Id, GraphResponse Response)> done)
    {
        var split = step.Url.IndexOf('?');
        var path = Uri.UnescapeDataString(split < 0 ? step.Url : step.Url[..split]);
        var query = split < 0 ? string.Empty : step.Url[(split + 1)..];
        var request = new GraphRequest(step.Method, "/" + path.TrimStart('/'), query, step.Headers, step.Body, inBatch: true,
            context.Options.TimeProvider.GetUtcNow(), step.Headers.GetValueOrDefault("client-request-id") ?? batch.ClientRequestId);

        GraphResponse response;
        if (step.Url.Contains("://", StringComparison.Ordinal))
        {
            response = ErrorResponse.From(request, GraphErrors.BadRequest("Batch request URLs must be relative to the version, e.g. '/users/{id}'."));
        }
        else if (step.DependsOn.FirstOrDefault(d => !done.Any(r => r.Id == d && r.Response.IsSuccess)) is { } failed)
        {
            response = ErrorResponse.From(request, new GraphException(424, "FailedDependency", $"Request '{failed}' this one depends on failed or has not run."));
        }
        else
        {
            response = processor.Process(request);
        }

        if (!response.DropConnection)
        {
            context.Record(request, response.Status);
        }

        return response;
    }

    private static void WriteResponse(Utf8JsonWriter w, string id, GraphResponse response)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteNumber("status", response.Status);
        w.WriteStartObject("headers");
        if (response.Body is not null)
        {
            w.WriteString("Content-Type", GraphResponse.ODataJson);
        }

        foreach (var (name, value) in response.Headers)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        if (response.Body is { } body)
        {
            w.WritePropertyName("body");
            w.WriteRawValue(body, skipInputValidation: true);
        }

        w.WriteEndObject();
    }

    private static IReadOnlyList<Step> ReadSteps(GraphRequest batch)
    {
        if (batch.Body is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
        {
            throw GraphErrors.BadRequest("Invalid batch payload format: expected a JSON object with a 'requests' array.");
        }

        var count = requests.GetArrayLength();
        if (count == 0)
        {
            throw GraphErrors.BadRequest("Invalid batch payload format: the 'requests' array is empty.");
        }

        if (count > MaxRequests)
        {
            throw GraphErrors.BadRequest($"The batch has {count} requests; the maximum is {MaxRequests}.");
        }

        var steps = new List<Step>();
        foreach (var item in requests.EnumerateArray())
        {
            var id = Text(item, "id");
            if (steps.Any(s => s.Id == id))
            {
                throw GraphErrors.BadRequest($"Invalid batch payload format: the request id '{id}' is used twice.");
            }

            steps.Add(new Step(id, Text(item, "method"), Text(item, "url"), Headers(item), Body(item), DependsOn(item)));
        }

        return Ordered(steps);
    }

    // Dependencies run first: stable order otherwise, and a cycle or unknown id is the caller's 400.
    private static IReadOnlyList<Step> Ordered(List<Step> steps)
    {
        var ordered = new List<Step>();
        var pending = new List<Step>(steps);
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(s => s.DependsOn.All(d => ordered.Any(o => o.Id == d)))
                ?? throw GraphErrors.BadRequest("Invalid batch payload format: dependsOn names an unknown request or forms a cycle.");
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw GraphErrors.BadRequest($"Invalid batch payload format: a request has no '{name}'.");

    private static IReadOnlyDictionary<string, string> Headers(JsonElement item)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (item.TryGetProperty("headers", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in value.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        return headers;
    }

    // A JSON body comes as an object; other content the SDK sends base64-encoded.
    private static JsonElement? Body(JsonElement item)
    {
        if (!item.TryGetProperty("body", out var body) || body.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (body.ValueKind != JsonValueKind.String)
        {
            return body.Clone();
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(body.GetString()!)));
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw GraphErrors.BadRequest("Invalid batch payload format: a request body is neither JSON nor base64-encoded JSON.");
        }
    }

    private static IReadOnlyList<string> DependsOn(JsonElement item) =>
        item.TryGetProperty("dependsOn", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray()
            : Array.Empty<string>();

    private sealed record Step(string Id, string Method, string Url, IReadOnlyDictionary<string, string> Headers, JsonElement? Body, IReadOnlyList<string> DependsOn);
}
