using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.OData;

namespace AadstsTools.GraphEmulator.Tests.OData;

/// <summary>The $filter parser and evaluator on a small schema, apart from any endpoint.</summary>
public class FilterTests
{
    private sealed record Row(string Name, int Code, bool Active, DateTimeOffset At, string[] Tags);

    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Row[] Rows =
    {
        new("O'Brien", 0, true, Noon, new[] { "a" }),
        new("alice", 50126, true, Noon.AddHours(-1), new[] { "b", "c" }),
        new("Bob", 50053, false, Noon.AddHours(-2), Array.Empty<string>()),
    };

    private static readonly FilterSchema<Row> Schema = new("Row", new Dictionary<string, FilterField<Row>>
    {
        ["name"] = new(r => r.Name, FilterValueKind.String, FilterOperations.Eq | FilterOperations.In | FilterOperations.StartsWith | FilterOperations.Ne | FilterOperations.Not, FilterOperations.Not),
        ["status/code"] = new(r => r.Code, FilterValueKind.Integer, FilterOperations.Eq | FilterOperations.Ne),
        ["active"] = new(r => r.Active, FilterValueKind.Boolean, FilterOperations.Eq),
        ["at"] = new(r => r.At, FilterValueKind.DateTime, FilterOperations.Range | FilterOperations.Eq),
        ["tags"] = new(r => r.Tags, FilterValueKind.StringCollection, FilterOperations.Eq),
    }, maxOrClauses: 3);

    private static string[] Names(string filter, bool advanced = false)
    {
        var predicate = Schema.Compile(FilterParser.Parse(filter), advanced);
        return Rows.Where(predicate).Select(r => r.Name).ToArray();
    }

    [Theory]
    [InlineData("name eq 'O''Brien'", "O'Brien")]
    [InlineData("name eq 'ALICE'", "alice")]
    [InlineData("name in ('bob', 'nobody')", "Bob")]
    [InlineData("startswith(name,'a')", "alice")]
    [InlineData("startsWith(name, 'B') or status/code eq 0", "O'Brien,Bob")]
    [InlineData("status/code ne 0 and active eq true", "alice")]
    [InlineData("(status/code eq 50126 or status/code eq 50053) and at ge 2026-03-01T10:30:00Z", "alice")]
    [InlineData("at lt 2026-03-01T12:00:00Z", "alice,Bob")]
    [InlineData("at le 2026-03-01T12:00:00Z and at gt 2026-03-01T10:00:00Z", "O'Brien,alice")]
    [InlineData("tags eq 'c'", "alice")]
    [InlineData("name ne 'bob'", "O'Brien,alice")]
    public void Expressions_select_the_right_rows(string filter, string expected)
    {
        Assert.Equal(expected.Split(','), Names(filter));
    }

    [Fact]
    public void Not_is_only_for_advanced_queries_where_the_schema_says_so()
    {
        Assert.Throws<GraphException>(() => Names("not(name eq 'bob')"));
        Assert.Equal(new[] { "O'Brien", "alice" }, Names("not(name eq 'bob')", advanced: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name eq")]
    [InlineData("name eq 'open")]
    [InlineData("name equals 'x'")]
    [InlineData("(name eq 'x'")]
    [InlineData("name eq 'x' extra")]
    [InlineData("contains(name,'x')")]
    [InlineData("name eq x")]
    [InlineData("name eq 'x' # comment")]
    public void Malformed_filters_are_400s_that_quote_the_filter(string filter)
    {
        var error = Assert.Throws<GraphException>(() => Names(filter));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadRequest", error.Code);
        Assert.Contains("Invalid filter clause", error.Message);
    }

    [Theory]
    [InlineData("unknown eq 'x'", "Unsupported or invalid query filter clause specified for property 'unknown' of resource 'Row'.")]
    [InlineData("startswith(status/code,'5')", "Unsupported or invalid query filter clause specified for property 'status/code' of resource 'Row'.")]
    [InlineData("status/code eq '50126'", "A binary operator with incompatible types was detected. Found operand types 'Edm.Int32' and 'Edm.String' for operator kind 'Equal'.")]
    [InlineData("active eq 1", "A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.Int32' for operator kind 'Equal'.")]
    [InlineData("name in ('a','b','c','d')", "Too many child clauses specified in search filter expression containing 'OR' operators: 4. Max allowed: 3.")]
    [InlineData("name eq 'a' or name in ('b','c','d')", "Too many child clauses specified in search filter expression containing 'OR' operators: 4. Max allowed: 3.")]
    public void Unsupported_clauses_get_Graphs_messages(string filter, string message)
    {
        var error = Assert.Throws<GraphException>(() => Names(filter));

        Assert.Equal(400, error.Status);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Hints_find_the_values_an_index_can_answer()
    {
        var node = FilterParser.Parse("at ge 2026-03-01T10:00:00Z and (name eq 'a' or name in ('b','c')) and at le 2026-03-01T11:00:00Z");

        Assert.Equal(new[] { "a", "b", "c" }, FilterHints.EqualValues(node, "name"));
        Assert.Null(FilterHints.EqualValues(FilterParser.Parse("name eq 'a' or active eq true"), "name"));
        var (from, to) = FilterHints.DateRange(node, "at");
        Assert.Equal(Noon.AddHours(-2), from);
        Assert.Equal(Noon.AddHours(-1), to);
    }
}
