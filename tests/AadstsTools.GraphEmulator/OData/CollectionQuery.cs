using System.Globalization;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Routing;

namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// The query options of a collection request, validated as Graph does: unknown or unsupported options, a bad
/// <c>$top</c>, <c>$count</c> without <c>ConsistencyLevel: eventual</c>, a foreign <c>$skiptoken</c> are all 400s.
/// </summary>
internal sealed class CollectionQuery
{
    private readonly List<KeyValuePair<string, string>> pagingOptions = new();

    private CollectionQuery(GraphRequest request)
    {
        Path = request.Path;
    }

    public string Path { get; }

    public SelectClause? Select { get; private set; }

    public FilterNode? Filter { get; private set; }

    public int Top { get; private set; }

    public int Offset { get; private set; }

    public bool Count { get; private set; }

    /// <summary>An advanced query: ConsistencyLevel: eventual with $count=true (unlocks ne, not, endsWith on users).</summary>
    public bool Advanced { get; private set; }

    public static CollectionQuery Parse(GraphRequest request, CollectionRules rules, Func<string, SelectClause> parseSelect)
    {
        var query = new CollectionQuery(request);
        foreach (var name in request.QueryNames)
        {
            if (!rules.SupportedOptions.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            {
                throw name.StartsWith('$')
                    ? GraphErrors.UnsupportedQuery($"The query option '{name}' is not supported on {request.Path} by the Graph emulator.")
                    : GraphErrors.BadRequest($"The query parameter '{name}' is not supported.");
            }

            var value = request.QueryValue(name)!;
            if (!name.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            {
                query.pagingOptions.Add(new(name, value));
            }
        }

        var select = request.QueryValue("$select");
        query.Select = select is null ? null : parseSelect(select);

        var count = request.QueryValue("$count");
        if (count is not null)
        {
            if (!bool.TryParse(count, out var countValue))
            {
                throw GraphErrors.BadRequest($"'{count}' is not a valid count option.");
            }

            if (countValue && !string.Equals(request.Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase))
            {
                throw GraphErrors.InvalidRequest("$count is not currently supported.");
            }

            query.Count = countValue;
            query.Advanced = countValue;
        }

        var orderBy = request.QueryValue("$orderby");
        if (orderBy is not null && !string.Equals(orderBy.Trim(), rules.NaturalOrderBy, StringComparison.OrdinalIgnoreCase))
        {
            throw GraphErrors.UnsupportedQuery(
                $"The Graph emulator supports $orderby on {request.Path} only as '{rules.NaturalOrderBy}'.");
        }

        var filter = request.QueryValue("$filter");
        query.Filter = filter is null ? null : FilterParser.Parse(filter);

        var top = request.QueryValue("$top");
        query.Top = rules.DefaultPageSize;
        if (top is not null)
        {
            if (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var topValue) || topValue < 1 || topValue > rules.MaxPageSize)
            {
                throw GraphErrors.InvalidPageSize(top, rules.MaxPageSize);
            }

            query.Top = topValue;
        }

        var skipToken = request.QueryValue("$skiptoken");
        if (skipToken is not null)
        {
            query.Offset = SkipToken.ReadOffset(skipToken, query.Fingerprint);
        }

        return query;
    }

    private string Fingerprint => SkipToken.Fingerprint(Path, pagingOptions);

    /// <summary>The page at <see cref="Offset"/>, and the nextLink when more remain.</summary>
    public (IReadOnlyList<T> Items, string? NextLink) Page<T>(IReadOnlyList<T> all, string baseUrl)
    {
        var items = all.Skip(Offset).Take(Top).ToArray();
        var next = Offset + items.Length;
        if (next >= all.Count)
        {
            return (items, null);
        }

        var options = pagingOptions
            .Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value))
            .Append("$skiptoken=" + SkipToken.Create(next, Fingerprint));
        return (items, baseUrl + Path + "?" + string.Join("&", options));
    }
}
