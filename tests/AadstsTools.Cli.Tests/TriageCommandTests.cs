using System.Text.Json;
using AadstsTools.SignIns;
using AadstsTools.TestData;

namespace AadstsTools.Cli.Tests;

public sealed class TriageCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aadsts-cli-" + Guid.NewGuid().ToString("N"));

    public TriageCommandTests()
    {
        Directory.CreateDirectory(_folder);
        SyntheticSignInLog.WriteCsv(Csv, SyntheticSignInLog.Scenario(), SignInLogType.Interactive);
        SyntheticSignInLog.WriteJson(Json, SyntheticSignInLog.Scenario(), SignInLogType.Interactive);
    }

    private string Csv => Path.Combine(_folder, "InteractiveSignIns_2026-11-18_2026-11-20.csv");

    private string Json => Path.Combine(_folder, "InteractiveSignIns_2026-11-18_2026-11-20.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Summary_lists_codes_the_patterns_found_and_the_fix_commands()
    {
        var result = CliRunner.Run(null, "triage", "--file", Csv, "--summary");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Code", result.Out);
        string first = result.Out.Split('\n')[1];
        Assert.StartsWith("AADSTS50126", first);
        Assert.Contains("Spike, PasswordSpray, StaleCredentials", first);
        Assert.Contains("! PasswordSpray: Password spray from " + SyntheticSignInLog.SprayIp, result.Out);
        Assert.Contains("! StaleCredentials: " + SyntheticSignInLog.StaleApp, result.Out);
        Assert.Contains("! Lockout:", result.Out);
        Assert.Contains("Fix commands", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Summary_as_json_carries_rows_and_flags()
    {
        var result = CliRunner.Run(null, "triage", "--file", Json, "--summary", "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("Code", root.GetProperty("groupBy").GetString());
        Assert.Equal(SyntheticSignInLog.Scenario().Count, root.GetProperty("signIns").GetInt64());
        JsonElement top = root.GetProperty("rows")[0];
        Assert.Equal("AADSTS50126", top.GetProperty("key").GetString());
        Assert.False(top.TryGetProperty("guidance", out _));
        Assert.Equal(new[] { "Spike", "PasswordSpray", "StaleCredentials", "Lockout" }, root.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Group_by_ip_puts_the_spray_on_its_address()
    {
        var result = CliRunner.Run(null, "triage", "-f", Csv, "--group-by", "ip");

        Assert.Equal(0, result.ExitCode);
        string line = result.Out.Split('\n').Single(l => l.StartsWith(SyntheticSignInLog.SprayIp, StringComparison.Ordinal));
        Assert.EndsWith("PasswordSpray", line.TrimEnd());
    }

    [Fact]
    public void Failures_are_listed_one_per_line_with_the_filters_applied()
    {
        var result = CliRunner.Run(null, "triage", "-f", Csv, "--code", "AADSTS50053");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Out.Split('\n').Where(l => l.Contains("AADSTS50053")).ToList();
        Assert.Equal(SyntheticSignInLog.LockedOutUsers.Length * SyntheticSignInLog.LockoutsPerUser, rows.Count);
        Assert.All(rows, r => Assert.Contains("IdsLocked", r));
    }

    [Fact]
    public void Failures_as_json_are_one_array_without_the_full_guidance()
    {
        var result = CliRunner.Run(null, "triage", "-f", Json, "--json", "--user", SyntheticSignInLog.LockedOutUsers[0]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(12 + SyntheticSignInLog.LockoutsPerUser, items.Count);
        Assert.All(items, i => Assert.Equal(SyntheticSignInLog.LockedOutUsers[0], i.GetProperty("userPrincipalName").GetString()));
        Assert.False(items[0].TryGetProperty("guidance", out _));
        Assert.True(items[0].TryGetProperty("fixCommand", out _));
    }

    [Fact]
    public void Nothing_matching_is_an_empty_json_array()
    {
        var result = CliRunner.Run(null, "triage", "-f", Json, "--json", "--code", "90099");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(result.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public void Since_with_a_file_filters_its_rows()
    {
        var result = CliRunner.Run(null, "triage", "-f", Csv, "--since", "2026-11-20T08:00Z", "--summary", "--json");

        using var doc = JsonDocument.Parse(result.Out);
        long expected = SyntheticSignInLog.Scenario().Count(e => e.Time >= new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero) && e.ErrorCode is not (0 or 50140 or 50058 or 50074));
        Assert.Equal(expected, doc.RootElement.GetProperty("reported").GetInt64());
    }

    [Theory]
    [InlineData("--since", "soon", "neither a duration")]
    [InlineData("--code", "fifty", "not an AADSTS code")]
    [InlineData("--days", "0", "1 or more")]
    public void Bad_option_values_are_errors(string option, string value, string message)
    {
        var result = CliRunner.Run(null, "triage", "-f", Csv, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void An_unknown_grouping_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run(null, "triage", "-f", Csv, "--group-by", "country").ExitCode);
    }

    [Fact]
    public void A_missing_file_and_a_file_without_the_columns_are_errors_with_exit_code_1()
    {
        string wrong = Path.Combine(_folder, "other.csv");
        File.WriteAllText(wrong, "Name,Value\r\nx,1\r\n");

        var missing = CliRunner.Run(null, "triage", "-f", Path.Combine(_folder, "nope.csv"));
        var columns = CliRunner.Run(null, "triage", "-f", wrong);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error);
        Assert.Equal(1, columns.ExitCode);
        Assert.Contains("no 'Date (UTC)' column", columns.Error);
        Assert.Contains("'Name', 'Value'", columns.Error);
    }

    [Fact]
    public void Skipped_rows_are_one_warning_and_do_not_fail_the_run()
    {
        string path = Path.Combine(_folder, "bad-rows.csv");
        File.WriteAllText(path, "Date (UTC),Sign-in error code,Username\r\n2026-11-20T09:00:00Z,50126,a@x\r\nlater,50126,b@x\r\n2026-11-20T09:00:00Z,oops,c@x\r\n");

        var result = CliRunner.Run(null, "triage", "-f", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Error.Split('\n'), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Contains("skipped 2 of 3 rows", result.Error);
    }
}
