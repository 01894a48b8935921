using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Graph;
using AadstsTools.Lookup;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Analysis;

namespace AadstsTools.Engine.Tests.SignIns;

using AadstsTools.GraphEmulator;
using AadstsTools.GraphEmulator.Faults;

/// <summary>Triage fed from Graph's sign-in log through the real gateway: paging, throttling, filters.</summary>
public class GraphSignInReaderTests
{
    [Fact]
    public async Task Every_failure_of_the_window_arrives_across_pages_despite_throttling()
    {
        var tenant = EmulatorTenant.Generate(1500, seed: 31, signInsPerUser: 3);
        var options = new EmulatorOptions();
        options.AddFaultRule(new FaultRule(r => r.Path == "/auditLogs/signIns", 429, times: 2) { RetryAfterSeconds = 0.1 });
        await using var harness = await EmulatorHarness.StartAsync(tenant, options, realWaits: true, maxRetries: 30);
        DateTimeOffset since = DateTimeOffset.UtcNow.AddDays(-7);
        var expected = tenant.SignIns.Where(s => s.CreatedDateTime >= since && s.ErrorCode != 0).ToList();
        var output = new RecordingOutput();
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), new SignInTriageOptions { IncludeBenign = true, Since = since }, output);

        bool complete = await GraphSignInReader.ReadAsync(harness.Gateway, triage, GraphSignInReader.Queries(since, null, new SignInTriageOptions { IncludeBenign = true }), output);
        var result = triage.Complete();

        Assert.True(complete);
        Assert.True(expected.Count == output.ObjectsOf<AadstsTools.SignInFailure>().Count,
            $"{output.ObjectsOf<AadstsTools.SignInFailure>().Count} of {expected.Count}; seen {result.Seen}, outside {result.OutsideWindow}, filtered {result.FilteredOut}; errors {string.Join(";", output.Errors.Select(e => e.Message))}; "
            + string.Join(", ", harness.Emulator.Requests.Select(r => $"{r.Path}:{r.Status}@{r.At:ss.fff}")));
        Assert.True(harness.Emulator.Requests.Count(r => r.Path == "/auditLogs/signIns" && r.Status == 200) >= 4, "paged");
        Assert.True(harness.Emulator.Requests.Any(r => r.Path == "/auditLogs/signIns" && r.Status == 429),
            string.Join(", ", harness.Emulator.Requests.Select(r => $"{r.Path}:{r.Status}@{r.At:ss.fff}")));
        Assert.Equal(expected.Count, result.Kept);
    }

    [Fact]
    public void Filters_become_one_query_per_code_user_and_app()
    {
        var queries = GraphSignInReader.Queries(DateTimeOffset.UtcNow.AddDays(-1), null, new SignInTriageOptions
        {
            ErrorCodes = new[] { 50126, 50053 },
            UserIds = new[] { "alice@contoso.com", "00000000-0000-0000-0000-000000000001" },
            AppIds = new[] { "Office 365 Exchange Online" },
        });

        Assert.Equal(4, queries.Count);
        Assert.Contains(queries, q => q.ToFilter().Contains("status/errorCode eq 50126", StringComparison.Ordinal) && q.ToFilter().Contains("userPrincipalName eq 'alice@contoso.com'", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.ToFilter().Contains("userId eq '00000000-0000-0000-0000-000000000001'", StringComparison.Ordinal));
        Assert.All(queries, q => Assert.Contains("appDisplayName eq 'Office 365 Exchange Online'", q.ToFilter(), StringComparison.Ordinal));
        Assert.All(queries, q => Assert.True(q.FailuresOnly));
    }

    [Fact]
    public async Task A_licence_failure_is_an_error_and_the_triage_still_completes()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync(new EmulatorOptions { TenantHasPremium = false });
        var output = new RecordingOutput();
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), new SignInTriageOptions(), output);

        bool complete = await GraphSignInReader.ReadAsync(harness.Gateway, triage, GraphSignInReader.Queries(DateTimeOffset.UtcNow.AddDays(-1), null, new SignInTriageOptions()), output);
        triage.Complete();

        Assert.False(complete);
        var error = Assert.Single(output.Errors);
        Assert.Equal(AadstsTools.Output.ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("P1 or P2", error.Message);
    }
}
