namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// What a collection endpoint accepts: its page sizes (Graph's default and $top maximum), the query options it knows
/// and the one <c>$orderby</c> value it takes (its natural order), if any.
/// </summary>
internal sealed record CollectionRules(
    int DefaultPageSize,
    int MaxPageSize,
    IReadOnlyCollection<string> SupportedOptions,
    string? NaturalOrderBy = null);
