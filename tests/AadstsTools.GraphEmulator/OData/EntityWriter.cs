using System.Text.Json;

namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// Writes one resource type as Graph does: its default properties, or exactly the <c>$select</c>ed ones (Graph adds
/// nothing, not even id, to a $select).
/// </summary>
internal sealed class EntityWriter<T>
{
    private readonly Dictionary<string, Action<Utf8JsonWriter, T>> properties;
    private readonly IReadOnlyList<string> defaults;

    public EntityWriter(string typeName, IReadOnlyList<(string Name, Action<Utf8JsonWriter, T> Write)> properties, IReadOnlyList<string>? defaults = null)
    {
        TypeName = typeName;
        Names = properties.Select(p => p.Name).ToArray();
        this.properties = properties.ToDictionary(p => p.Name, p => p.Write, StringComparer.OrdinalIgnoreCase);
        this.defaults = defaults ?? Names;
    }

    /// <summary>The Graph type, e.g. "microsoft.graph.user".</summary>
    public string TypeName { get; }

    public IReadOnlyList<string> Names { get; }

    public SelectClause ParseSelect(string value) => SelectClause.Parse(value, Names, TypeName);

    public void Write(Utf8JsonWriter writer, T item, SelectClause? select)
    {
        writer.WriteStartObject();
        WriteProperties(writer, item, select);
        writer.WriteEndObject();
    }

    /// <summary>The properties alone, into an object the caller has opened.</summary>
    public void WriteProperties(Utf8JsonWriter writer, T item, SelectClause? select)
    {
        foreach (var name in select?.Properties ?? defaults)
        {
            properties[name](writer, item);
        }
    }
}
