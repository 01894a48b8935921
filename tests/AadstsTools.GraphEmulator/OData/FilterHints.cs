namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// Reads from a filter what lets an endpoint use an index instead of scanning: the values a property must equal, and
/// a time range. The full predicate still runs on what the index returns, so a hint only has to be a superset.
/// </summary>
internal static class FilterHints
{
    /// <summary>
    /// The values <paramref name="property"/> must equal for the filter to hold (eq, in, or-groups of them, or one side
    /// of an and), or null when the filter does not restrict it that way.
    /// </summary>
    public static IReadOnlyCollection<string>? EqualValues(FilterNode node, string property) => node switch
    {
        CompareNode { Operator: CompareOperator.Eq, Value.Value: string value } c when Is(c.Property, property) => new[] { value },
        InNode @in when Is(@in.Property, property) => @in.Values.Select(v => v.Value).OfType<string>().ToArray(),
        AndNode both => EqualValues(both.Left, property) ?? EqualValues(both.Right, property),
        OrNode either when EqualValues(either.Left, property) is { } left && EqualValues(either.Right, property) is { } right =>
            left.Concat(right).ToArray(),
        _ => null,
    };

    /// <summary>The bounds (inclusive, widened to whole conjunctions only) the filter puts on a date property.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) DateRange(FilterNode node, string property)
    {
        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        foreach (var conjunct in Conjuncts(node))
        {
            if (conjunct is CompareNode { Value.Value: DateTimeOffset date } c && Is(c.Property, property))
            {
                switch (c.Operator)
                {
                    case CompareOperator.Ge or CompareOperator.Gt:
                        from = from is { } f && f > date ? f : date;
                        break;
                    case CompareOperator.Le or CompareOperator.Lt:
                        to = to is { } t && t < date ? t : date;
                        break;
                    case CompareOperator.Eq:
                        from = date;
                        to = date;
                        break;
                }
            }
        }

        return (from, to);
    }

    private static IEnumerable<FilterNode> Conjuncts(FilterNode node) =>
        node is AndNode both ? Conjuncts(both.Left).Concat(Conjuncts(both.Right)) : new[] { node };

    private static bool Is(string candidate, string property) => string.Equals(candidate, property, StringComparison.OrdinalIgnoreCase);
}
