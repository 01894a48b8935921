using System.Text.Json;
using AadstsTools.GraphEmulator.OData;
using AadstsTools.GraphEmulator.Routing;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>Graph's success bodies: a collection page with @odata.context, @odata.count and @odata.nextLink, or one entity.</summary>
internal static class Responses
{
    public static GraphResponse Collection<T>(string context, IReadOnlyList<T> items, string? nextLink, long? count,
        Action<Utf8JsonWriter, T> writeItem)
    {
        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context);
            if (count is { } total)
            {
                w.WriteNumber("@odata.count", total);
            }

            if (nextLink is not null)
            {
                w.WriteString("@odata.nextLink", nextLink);
            }

            w.WriteStartArray("value");
            foreach (var item in items)
            {
                writeItem(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    /// <summary>One entity: the writer's object with @odata.context first.</summary>
    public static GraphResponse Entity<T>(string context, T item, EntityWriter<T> writer, SelectClause? select)
    {
        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context);
            writer.WriteProperties(w, item, select);
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    /// <summary>For resources the emulator serves without query options.</summary>
    public static void RequireNoQueryOptions(GraphRequest request)
    {
        if (request.QueryNames.Any())
        {
            throw Errors.GraphErrors.UnsupportedQuery($"The Graph emulator takes no query options on {request.Path}.");
        }
    }

    /// <summary>The query options a single-entity GET accepts: $select only.</summary>
    public static SelectClause? EntitySelect<T>(GraphRequest request, EntityWriter<T> writer)
    {
        foreach (var name in request.QueryNames)
        {
            if (!name.Equals("$select", StringComparison.OrdinalIgnoreCase))
            {
                throw Errors.GraphErrors.UnsupportedQuery($"The query option '{name}' is not supported on {request.Path} by the Graph emulator.");
            }
        }

        return request.QueryValue("$select") is { } select ? writer.ParseSelect(select) : null;
    }
}
