namespace AadstsTools.GraphEmulator.OData;

/// <summary>The type of a filterable property; <see cref="FilterField{T}.Read"/> returns string, IEnumerable of string, bool, int or DateTimeOffset (or null).</summary>
internal enum FilterValueKind
{
    String,
    StringCollection,
    Boolean,
    Integer,
    DateTime,
}
