using System.Text.Json;

namespace AadstsTools.Cli.Tests;

public class CatalogCommandTests
{
    [Fact]
    public void Search_prints_a_table()
    {
        var result = CliRunner.Run(null, "search", "locked");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Code", result.Out);
        Assert.Contains("AADSTS50053", result.Out);
    }

    [Fact]
    public void Search_with_no_match_exits_1()
    {
        var result = CliRunner.Run(null, "search", "zzzznothing");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No entries match", result.Error);
    }

    [Fact]
    public void List_filters_by_category_as_json()
    {
        var result = CliRunner.Run(null, "list", "--category", "ConditionalAccess", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        Assert.NotEmpty(doc.RootElement.EnumerateArray());
        Assert.All(doc.RootElement.EnumerateArray(), e => Assert.Equal("ConditionalAccess", e.GetProperty("category").GetString()));
    }

    [Fact]
    public void List_everything()
    {
        var result = CliRunner.Run(null, "list", "--json");
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        Assert.True(doc.RootElement.GetArrayLength() >= 352);
    }

    [Fact]
    public void Unknown_category_is_an_error_listing_the_valid_ones()
    {
        var result = CliRunner.Run(null, "list", "--category", "Nope");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MFA", result.Error);
    }
}
