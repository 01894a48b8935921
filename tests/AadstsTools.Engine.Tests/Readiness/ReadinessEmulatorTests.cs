using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Readiness;

namespace AadstsTools.Engine.Tests.Readiness;

using AadstsTools.GraphEmulator;
using AadstsTools.GraphEmulator.Faults;

/// <summary>Every check on the emulator's fixture tenant, through the real gateway.</summary>
public class ReadinessEmulatorTests
{
    [Fact]
    public async Task The_fixture_users_get_the_verdicts_their_situation_calls_for()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var results = await Check(harness, new[]
        {
            "alice.ready@contoso.com", "bob.expired@contoso.com", "carol.expiring@contoso.com", "dan.neverexpires@contoso.com",
            "erin.lab@lab.contoso.net", "frank.eu@eu.contoso.com", "grace.synced@contoso.com", "henry.stalesync@contoso.com",
            "ivan.federated@fabrikam.com", "judy.disabled@contoso.com", "leo.unregistered@contoso.com", "nick.locked@contoso.com",
            "olivia.stalecreds@contoso.com", "paul.justreset@contoso.com", "ghost@contoso.com",
        });

        Assert.Equal(ReadinessVerdict.Ready, results["alice.ready@contoso.com"].Verdict);

        var bob = results["bob.expired@contoso.com"];
        Assert.Equal(ReadinessVerdict.Blocked, bob.Verdict);
        Assert.Equal(CheckStatus.Fail, bob[ReadinessCheck.PasswordExpiry]!.Status);
        Assert.Contains(50055, bob.PredictedCodes);
        Assert.Contains(bob.Guidance, g => g.Code == 50055 && g.IsKnown);

        var carol = results["carol.expiring@contoso.com"];
        Assert.Equal(ReadinessVerdict.AtRisk, carol.Verdict);
        Assert.Equal(CheckStatus.Warning, carol[ReadinessCheck.PasswordExpiry]!.Status);

        Assert.Equal(CheckStatus.Pass, results["dan.neverexpires@contoso.com"][ReadinessCheck.PasswordExpiry]!.Status);
        Assert.Contains("DisablePasswordExpiration", results["dan.neverexpires@contoso.com"][ReadinessCheck.PasswordExpiry]!.Detail);
        Assert.Equal(CheckStatus.Pass, results["erin.lab@lab.contoso.net"][ReadinessCheck.PasswordExpiry]!.Status);
        Assert.Equal(CheckStatus.Fail, results["frank.eu@eu.contoso.com"][ReadinessCheck.PasswordExpiry]!.Status);

        var grace = results["grace.synced@contoso.com"];
        Assert.Equal(CheckStatus.Pass, grace[ReadinessCheck.OnPremisesSync]!.Status);
        Assert.Contains("password hash sync", grace[ReadinessCheck.PasswordExpiry]!.Detail);
        Assert.Equal(CheckStatus.Warning, results["henry.stalesync@contoso.com"][ReadinessCheck.OnPremisesSync]!.Status);

        var ivan = results["ivan.federated@fabrikam.com"];
        Assert.Contains("federated", ivan[ReadinessCheck.Federation]!.Detail);
        Assert.Equal(CheckStatus.Skipped, ivan[ReadinessCheck.PasswordExpiry]!.Status);
        Assert.Contains("50144", ivan[ReadinessCheck.PasswordExpiry]!.Detail);

        var judy = results["judy.disabled@contoso.com"];
        Assert.Equal(ReadinessVerdict.Blocked, judy.Verdict);
        Assert.Equal(CheckStatus.Fail, judy[ReadinessCheck.Enabled]!.Status);
        Assert.Contains(50057, judy.PredictedCodes);

        var leo = results["leo.unregistered@contoso.com"];
        Assert.Equal(CheckStatus.Warning, leo[ReadinessCheck.SsprRegistration]!.Status);
        Assert.Equal(CheckStatus.Warning, leo[ReadinessCheck.MfaRegistration]!.Status);
        Assert.Contains(50125, leo.PredictedCodes);
        Assert.Contains(50072, leo.PredictedCodes);

        var nick = results["nick.locked@contoso.com"];
        Assert.Equal(ReadinessVerdict.Blocked, nick.Verdict);
        Assert.Equal(CheckStatus.Fail, nick[ReadinessCheck.RecentFailures]!.Status);
        Assert.Contains(50053, nick.PredictedCodes);

        Assert.Equal(CheckStatus.Warning, results["olivia.stalecreds@contoso.com"][ReadinessCheck.RecentFailures]!.Status);
        Assert.Contains("50126", results["olivia.stalecreds@contoso.com"][ReadinessCheck.RecentFailures]!.Detail);

        var paul = results["paul.justreset@contoso.com"];
        Assert.Equal(CheckStatus.Warning, paul[ReadinessCheck.ForcedPasswordChange]!.Status);
        Assert.Equal(CheckStatus.Pass, paul[ReadinessCheck.RecentFailures]!.Status);

        var ghost = results["ghost@contoso.com"];
        Assert.Equal(ReadinessVerdict.Blocked, ghost.Verdict);
        Assert.Equal(new[] { 50034 }, ghost.PredictedCodes);
    }

    [Fact]
    public async Task Guests_and_admins_are_explained()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var results = await Check(harness, new[] { "kim_partner.example#EXT#@contoso.onmicrosoft.com", "mia.admin@contoso.com" });

        Assert.Contains("Guest (B2B)", results["kim_partner.example#EXT#@contoso.onmicrosoft.com"][ReadinessCheck.UserType]!.Detail);
        Assert.Contains("two-method", results["mia.admin@contoso.com"][ReadinessCheck.SsprRegistration]!.Detail);
    }

    [Fact]
    public async Task A_tenant_without_p1_skips_the_report_checks_with_what_they_need()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync(new EmulatorOptions { TenantHasPremium = false });
        var results = await Check(harness, new[] { "alice.ready@contoso.com", "bob.expired@contoso.com" });

        var alice = results["alice.ready@contoso.com"];
        Assert.Equal(CheckStatus.Skipped, alice[ReadinessCheck.RecentFailures]!.Status);
        Assert.Contains("P1 or P2", alice[ReadinessCheck.RecentFailures]!.Requires);
        Assert.Equal(CheckStatus.Pass, alice[ReadinessCheck.MfaRegistration]!.Status);
        Assert.Contains("authentication methods", alice[ReadinessCheck.MfaRegistration]!.Detail);
        Assert.Equal(ReadinessVerdict.Ready, alice.Verdict);
        Assert.Equal(ReadinessVerdict.Blocked, results["bob.expired@contoso.com"].Verdict);
        Assert.Contains(harness.Emulator.Requests, r => r.Status == 403);
    }

    [Fact]
    public async Task A_missing_permission_skips_those_checks_only()
    {
        var options = new EmulatorOptions { GrantedPermissions = new[] { "User.Read.All", "Domain.Read.All" } };
        await using var harness = await EmulatorHarness.StartFixtureAsync(options);
        var result = (await Check(harness, new[] { "bob.expired@contoso.com" }))["bob.expired@contoso.com"];

        Assert.Equal(CheckStatus.Skipped, result[ReadinessCheck.RecentFailures]!.Status);
        Assert.Contains("AuditLog.Read.All", result[ReadinessCheck.RecentFailures]!.Requires);
        Assert.Equal(CheckStatus.Skipped, result[ReadinessCheck.SsprRegistration]!.Status);
        Assert.Equal(CheckStatus.Fail, result[ReadinessCheck.PasswordExpiry]!.Status);
        Assert.Equal(ReadinessVerdict.Blocked, result.Verdict);
    }

    [Fact]
    public async Task A_graph_500_on_one_check_is_an_error_there_only()
    {
        var options = new EmulatorOptions();
        await using var harness = await EmulatorHarness.StartFixtureAsync(options);
        options.AddFaultRule(FaultRule.ForPath("/auditLogs/signIns", 500));

        var result = (await Check(harness, new[] { "alice.ready@contoso.com" }))["alice.ready@contoso.com"];

        ReadinessCheckResult failed = result[ReadinessCheck.RecentFailures]!;
        Assert.Equal(CheckStatus.Error, failed.Status);
        Assert.NotNull(failed.RequestId);
        Assert.All(result.Checks.Where(c => c.Check != ReadinessCheck.RecentFailures), c => Assert.NotEqual(CheckStatus.Error, c.Status));
        Assert.Equal(ReadinessVerdict.Unknown, result.Verdict);
    }

    [Fact]
    public async Task Bulk_runs_use_set_based_queries()
    {
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.Generate(600, seed: 21));
        var inputs = harness.Emulator.Tenant.Users.Select(u => u.UserPrincipalName).ToList();
        var output = new RecordingOutput();

        await new ReadinessRunner(harness.Gateway, GuidanceCatalog.BuiltIn, new ReadinessOptions { SetSize = 250 }).RunAsync(inputs, output);

        Assert.Equal(600, output.ObjectsOf<SignInReadiness>().Count);
        int calls = harness.Emulator.Requests.Count(r => !r.InBatch);
        Assert.True(calls <= 60, $"{calls} HTTP calls for 600 users");
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Path.StartsWith("/reports/authenticationMethods/userRegistrationDetails/", StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, SignInReadiness>> Check(EmulatorHarness harness, IReadOnlyList<string> users)
    {
        var output = new RecordingOutput();
        var runner = new ReadinessRunner(harness.Gateway, GuidanceCatalog.BuiltIn, new ReadinessOptions { PerUserReportLimit = 20 }, harness.Connection.PermissionGap);
        await runner.RunAsync(users, output);
        var results = output.ObjectsOf<SignInReadiness>();
        Assert.Equal(users, results.Select(r => r.Input));
        return results.ToDictionary(r => r.Input, StringComparer.OrdinalIgnoreCase);
    }
}
