using System.Text.Json;

namespace AadstsTools.Cli.Tests;

public class ExplainCommandTests
{
    internal const string AzCliError = """
        {"error":"invalid_grant","error_description":"AADSTS50126: Error validating credentials due to invalid username or password.\r\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-11-20 09:14:52Z","error_codes":[50126],"timestamp":"2026-11-20 09:14:52Z","trace_id":"0000aaaa-11bb-cccc-dd33-eeeeee333333","correlation_id":"aaaa0000-bb11-2222-33cc-444444dddddd","error_uri":"https://login.microsoftonline.com/error?code=50126"}
        """;

    [Fact]
    public void Explains_a_json_error_response_from_standard_input()
    {
        var result = CliRunner.Run(AzCliError, "explain", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AADSTS50126", result.Out);
        Assert.Contains("InvalidUserNameOrPassword", result.Out);
        Assert.Contains("0000aaaa-11bb-cccc-dd33-eeeeee333333", result.Out);
        Assert.Contains("aaaa0000-bb11-2222-33cc-444444dddddd", result.Out);
        Assert.Contains("What an admin can do:", result.Out);
        Assert.Contains("Reset-AadUserPassword", result.Out);
        Assert.Contains("https://login.microsoftonline.com/error?code=50126", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Json_output_carries_the_same_as_data()
    {
        var result = CliRunner.Run(AzCliError, "explain", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        JsonElement item = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(50126, item.GetProperty("code").GetInt32());
        Assert.Equal("InvalidUserNameOrPassword", item.GetProperty("name").GetString());
        Assert.Equal("0000aaaa-11bb-cccc-dd33-eeeeee333333", item.GetProperty("traceId").GetString());
        Assert.Equal("aaaa0000-bb11-2222-33cc-444444dddddd", item.GetProperty("correlationId").GetString());
        Assert.Equal("Password", item.GetProperty("category").GetString());
        Assert.NotEmpty(item.GetProperty("adminSteps").EnumerateArray());
        Assert.Contains(item.GetProperty("relatedCommands").EnumerateArray(), c => c.GetProperty("command").GetString() == "Reset-AadUserPassword");
        Assert.Equal("https://login.microsoftonline.com/error?code=50126", item.GetProperty("lookupUrl").GetString());
    }

    [Fact]
    public void Several_codes_as_arguments()
    {
        var result = CliRunner.Run(null, "explain", "50053", "AADSTS50055", "--json");

        using JsonDocument doc = JsonDocument.Parse(result.Out);
        Assert.Equal(new[] { 50053, 50055 }, doc.RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetInt32()));
    }

    [Fact]
    public void Words_split_by_the_shell_are_one_message()
    {
        var result = CliRunner.Run(null, "explain", "AADSTS50076:", "Due", "to", "a", "configuration", "change", "Trace", "ID:", "11111111-1111-1111-1111-111111111111");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AADSTS50076", result.Out);
        Assert.Contains("11111111-1111-1111-1111-111111111111", result.Out);
    }

    [Fact]
    public void Input_without_a_code_is_an_error_with_exit_code_1()
    {
        var result = CliRunner.Run(null, "explain", "nothing", "to", "see");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No AADSTS error code found", result.Error);
        Assert.Contains("'nothing to see'", result.Error);
    }

    [Fact]
    public void Empty_standard_input_is_an_error()
    {
        var result = CliRunner.Run(string.Empty, "explain", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty", result.Error);
    }

    [Fact]
    public void Unknown_code_warns_but_succeeds()
    {
        var result = CliRunner.Run(null, "explain", "9999999");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning:", result.Error);
        Assert.Contains("https://login.microsoftonline.com/error?code=9999999", result.Out);
    }

    [Fact]
    public void Missing_argument_is_a_usage_error()
    {
        var result = CliRunner.Run(null, "explain");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("aadsts --help", result.Error);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run(null, "explian", "50126").ExitCode);
    }

    [Fact]
    public void A_named_overlay_that_is_broken_stops_the_run()
    {
        string path = Path.Combine(Path.GetTempPath(), "aadsts-cli-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ \"entries\": [ { \"code\": 50126, \"category\": \"Nope\" } ] }");
        try
        {
            var result = CliRunner.Run(null, "explain", "50126", "--overlay", path);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(path, result.Error);
            Assert.Contains("line 1", result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_overlay_amends_the_output()
    {
        string path = Path.Combine(Path.GetTempPath(), "aadsts-cli-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ \"entries\": [ { \"code\": 50126, \"userSteps\": [\"Call the Contoso helpdesk on extension 4357.\"] } ] }");
        try
        {
            var result = CliRunner.Run(null, "explain", "50126", "--overlay", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("extension 4357", result.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
