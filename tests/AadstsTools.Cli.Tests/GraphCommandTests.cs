using System.Text.Json;

namespace AadstsTools.Cli.Tests;

using AadstsTools.GraphEmulator;

/// <summary>readiness, reset and triage from the command line against the Graph emulator.</summary>
public class GraphCommandTests : IAsyncLifetime
{
    private const string TokenVariable = "AADSTS_CLI_TEST_TOKEN";

    private GraphEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GraphEmulator.StartAsync(EmulatorTenant.LoadFixture(Path.Combine(AppContext.BaseDirectory, "Fixtures", "contoso.json")));
        Environment.SetEnvironmentVariable(TokenVariable, _emulator.AccessToken);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void Readiness_of_one_user_lists_every_check()
    {
        var result = Run(null, "readiness", "bob.expired@contoso.com");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bob.expired@contoso.com: Blocked", result.Out);
        Assert.Contains("[Fail] PasswordExpiry", result.Out);
        Assert.Contains("Reset-AadUserPassword -UserId bob.expired@contoso.com", result.Out);
        Assert.Contains("AADSTS50055", result.Out);
    }

    [Fact]
    public void Readiness_of_many_users_as_a_table_and_as_json()
    {
        var table = Run(null, "readiness", "alice.ready@contoso.com", "judy.disabled@contoso.com", "not-a-user");
        Assert.Contains("alice.ready@contoso.com", table.Out);
        Assert.Contains("Ready", table.Out);
        Assert.Contains("Blocked", table.Out);
        Assert.Contains("not-a-user", table.Out);

        var json = Run(null, "readiness", "alice.ready@contoso.com", "judy.disabled@contoso.com", "--json");
        using JsonDocument doc = JsonDocument.Parse(json.Out);
        Assert.Equal(new[] { "Ready", "Blocked" }, doc.RootElement.EnumerateArray().Select(e => e.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void Readiness_from_a_csv_file()
    {
        string csv = Path.Combine(Path.GetTempPath(), "aadsts-users-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(csv, "DisplayName,UserPrincipalName\nAlice,alice.ready@contoso.com\nNobody,\nNick,nick.locked@contoso.com\n");
        try
        {
            var result = Run(null, "readiness", "--from-csv", csv, "--json");
            using JsonDocument doc = JsonDocument.Parse(result.Out);
            var verdicts = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("verdict").GetString()).ToList();
            Assert.Equal(new[] { "Ready", "Unknown", "Blocked" }, verdicts);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Reset_what_if_changes_nothing()
    {
        var result = Run(null, "reset", "alice.ready@contoso.com", "--what-if");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("WhatIf", result.Out);
        Assert.Empty(_emulator.Tenant.GetUser("alice.ready@contoso.com").PasswordResets);
        Assert.DoesNotContain(_emulator.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public void Reset_writes_passwords_only_when_asked()
    {
        var hidden = Run(null, "reset", "carol.expiring@contoso.com", "--yes", "--format", "json");
        using (JsonDocument doc = JsonDocument.Parse(hidden.Out))
        {
            JsonElement row = Assert.Single(doc.RootElement.EnumerateArray());
            Assert.Equal("Reset", row.GetProperty("status").GetString());
            Assert.False(row.TryGetProperty("password", out _));
        }

        string sent = _emulator.Tenant.GetUser("carol.expiring@contoso.com").PasswordResets.Single().Password!;
        Assert.DoesNotContain(sent, hidden.Out + hidden.Error);

        var shown = Run(null, "reset", "dan.neverexpires@contoso.com", "--yes", "--format", "csv", "--show-passwords");
        string password = _emulator.Tenant.GetUser("dan.neverexpires@contoso.com").PasswordResets.Single().Password!;
        Assert.Contains(password, shown.Out);
        Assert.StartsWith("Input,", shown.Out);
    }

    [Fact]
    public void Reset_without_yes_and_no_terminal_refuses()
    {
        var result = Run(null, "reset", "alice.ready@contoso.com");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", result.Error);
    }

    [Fact]
    public void Triage_reads_the_graph_sign_in_log_by_default()
    {
        var result = Run(null, "triage", "--since", "7d", "--summary", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        string text = doc.RootElement.GetRawText();
        Assert.Contains("50053", text);
        Assert.Contains(_emulator.Requests, r => r.Path == "/auditLogs/signIns");
    }

    [Fact]
    public void Triage_by_code_sends_a_filtered_query()
    {
        var result = Run(null, "triage", "--since", "7d", "--code", "50126");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("50126", result.Out);
        Assert.All(_emulator.Requests.Where(r => r.Path == "/auditLogs/signIns"), r => Assert.Contains("errorCode", Uri.UnescapeDataString(r.Query)));
    }

    [Fact]
    public void A_tenant_without_p1_gets_a_licence_error()
    {
        _emulator.Options.TenantHasPremium = false;
        var result = Run(null, "triage", "--since", "1d");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("P1 or P2", result.Error);
    }

    private CliRunner.Result Run(string? stdin, params string[] args) =>
        CliRunner.Run(stdin, args.Concat(new[] { "--access-token-env", TokenVariable, "--graph-base-url", _emulator.BaseUrl }).ToArray());
}
