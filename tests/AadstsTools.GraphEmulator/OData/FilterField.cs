namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// One filterable property of a resource: how to read it, its type, which operations Graph allows on it, which of
/// those only as an advanced query (ConsistencyLevel: eventual and $count=true), how strings compare, and an optional
/// check of each literal compared with it (throws Graph's error for a bad one).
/// </summary>
internal sealed record FilterField<T>(
    Func<T, object?> Read,
    FilterValueKind Kind,
    FilterOperations Allowed,
    FilterOperations AdvancedOnly = FilterOperations.None,
    StringComparison Comparison = StringComparison.OrdinalIgnoreCase,
    Action<FilterLiteral>? Validate = null)
{
    public string EdmType => Kind switch
    {
        FilterValueKind.String or FilterValueKind.StringCollection => "Edm.String",
        FilterValueKind.Boolean => "Edm.Boolean",
        FilterValueKind.Integer => "Edm.Int32",
        _ => "Edm.DateTimeOffset",
    };
}
