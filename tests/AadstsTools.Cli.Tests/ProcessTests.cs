namespace AadstsTools.Cli.Tests;

/// <summary>The real executable in a fresh process.</summary>
public class ProcessTests
{
    [Fact]
    public void A_lookup_loads_no_graph_azure_or_msal_assembly()
    {
        var result = CliRunner.RunProcess(ExplainCommandTests.AzCliError, new Dictionary<string, string> { ["AADSTS_DIAGNOSTICS"] = "assemblies" }, "explain", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AADSTS50126", result.Out);
        var loaded = result.Error.Split('\n').Where(l => l.StartsWith("loaded-assembly: ", StringComparison.Ordinal))
            .Select(l => l.Substring("loaded-assembly: ".Length).Trim()).ToList();
        Assert.Contains("AadstsTools.Engine", loaded);
        Assert.DoesNotContain(loaded, name => name.StartsWith("Microsoft.Graph", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Kiota", StringComparison.Ordinal)
            || name.StartsWith("Azure.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Identity.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ten_megabyte_paste_finishes()
    {
        string garbage = string.Concat(Enumerable.Repeat("lorem ipsum 0123456789 Trace ID: nothing\n", 10 * 1024 * 1024 / 41));
        var result = CliRunner.RunProcess(garbage + "AADSTS50058", null, "explain", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"code\": 50058", result.Out);
    }
}
