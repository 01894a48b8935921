using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AadstsTools.GraphEmulator.Routing;

/// <summary>
/// A Graph request as the handlers see it, whether it came over HTTP or inside a <c>$batch</c>: method, path without
/// the version prefix, the decoded query, the few headers that matter, the JSON body and the ids Graph answers with.
/// </summary>
internal sealed class GraphRequest
{
    private readonly Dictionary<string, StringValues> query;

    public GraphRequest(string method, string path, string rawQuery, IReadOnlyDictionary<string, string> headers,
        JsonElement? body, bool inBatch, DateTimeOffset date, string? clientRequestId)
    {
        Method = method.ToUpperInvariant();
        Path = path.Length > 1 ? path.TrimEnd('/') : path;
        RawQuery = rawQuery.TrimStart('?');
        query = QueryHelpers.ParseQuery(RawQuery);
        Headers = headers;
        Body = body;
        InBatch = inBatch;
        Date = date;
        RequestId = Guid.NewGuid().ToString();
        ClientRequestId = string.IsNullOrEmpty(clientRequestId) ? RequestId : clientRequestId;
        Segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        DecodedQuery = string.Join("&", query.SelectMany(p => p.Value.Select(v => p.Key + "=" + v)));
    }

    public string Method { get; }

    /// <summary>Decoded, no version prefix, no trailing slash: "/users/alice@contoso.com".</summary>
    public string Path { get; }

    public string RawQuery { get; }

    public string DecodedQuery { get; }

    public string[] Segments { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public JsonElement? Body { get; }

    public bool InBatch { get; }

    public DateTimeOffset Date { get; }

    public string RequestId { get; }

    public string ClientRequestId { get; }

    /// <summary>Query option names as sent ("$select", "$filter", …).</summary>
    public IEnumerable<string> QueryNames => query.Keys;

    /// <summary>The value of a query option, or null; a repeated option is a 400 as in Graph.</summary>
    public string? QueryValue(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw Errors.GraphErrors.BadRequest($"Query option '{name}' was specified more than once, but it must be specified at most once.");
        }

        return values[0];
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
