using AadstsTools.GraphEmulator.Errors;

namespace AadstsTools.GraphEmulator.OData;

/// <summary>A validated <c>$select</c>: the properties in Graph's spelling, in the order asked.</summary>
internal sealed class SelectClause
{
    private SelectClause(IReadOnlyList<string> properties)
    {
        Properties = properties;
    }

    public IReadOnlyList<string> Properties { get; }

    /// <summary>The text for @odata.context, e.g. "(id,displayName)".</summary>
    public string ContextSuffix => "(" + string.Join(",", Properties) + ")";

    /// <summary>Parses a comma list against the type's properties (case-insensitive, as Graph matches them).</summary>
    public static SelectClause Parse(string value, IEnumerable<string> known, string typeName)
    {
        var byName = known.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
        var properties = new List<string>();
        foreach (var raw in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0)
            {
                throw GraphErrors.BadRequest("Syntax error: an empty property name in $select.");
            }

            if (!byName.TryGetValue(raw, out var name))
            {
                throw GraphErrors.UnknownProperty(raw, typeName);
            }

            if (!properties.Contains(name))
            {
                properties.Add(name);
            }
        }

        return new SelectClause(properties);
    }
}
