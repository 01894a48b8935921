using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.Readiness;
using AadstsTools.SignIns;

namespace AadstsTools.Engine.Tests.Readiness;

/// <summary>The orchestration on an in-memory directory: sets, one answer per input, how reports are read.</summary>
public class ReadinessRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeDirectoryGateway _directory = new();

    public ReadinessRunnerTests()
    {
        _directory.Domains.Add(new DirectoryDomain("contoso.com") { IsRoot = true, AuthenticationType = "Managed", PasswordValidityPeriodInDays = 90, PasswordNotificationWindowInDays = 14 });
        for (int i = 0; i < 40; i++)
        {
            string id = $"00000000-0000-0000-0000-{i:D12}";
            _directory.Users.Add(new DirectoryUser(id, $"user{i}@contoso.com") { AccountEnabled = true, UserType = "Member", LastPasswordChangeDateTime = Now.AddDays(-10), ForceChangePasswordNextSignIn = false });
            _directory.Registration[id] = new RegistrationDetails(id) { IsSsprEnabled = true, IsSsprRegistered = true, IsSsprCapable = true, IsMfaRegistered = true, IsMfaCapable = true };
        }
    }

    [Fact]
    public async Task Every_input_gets_exactly_one_result_in_order_bad_rows_included()
    {
        var inputs = new[] { "user1@contoso.com", "", "not-a-upn", "ghost@contoso.com", "00000000-0000-0000-0000-000000000002", "user1@contoso.com" };
        var output = new RecordingOutput();

        await Runner().RunAsync(inputs, output);

        var results = output.ObjectsOf<SignInReadiness>();
        Assert.Equal(inputs, results.Select(r => r.Input));
        Assert.Equal(ReadinessVerdict.Ready, results[0].Verdict);
        Assert.Equal(ReadinessVerdict.Unknown, results[1].Verdict);
        Assert.Contains("empty", results[1][ReadinessCheck.Exists]!.Detail);
        Assert.Equal(ReadinessVerdict.Unknown, results[2].Verdict);
        Assert.Equal(ReadinessVerdict.Blocked, results[3].Verdict);
        Assert.Equal(new[] { 50034 }, results[3].PredictedCodes);
        Assert.Equal("user2@contoso.com", results[4].UserPrincipalName);
        Assert.Equal(ReadinessVerdict.Ready, results[5].Verdict);
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task A_few_users_read_the_reports_per_user()
    {
        await Runner().RunAsync(new[] { "user1@contoso.com", "user2@contoso.com" }, new RecordingOutput());

        Assert.Equal(1, _directory.CallsTo("GetUsers"));
        Assert.Equal(2, _directory.CallsTo("GetRegistration"));
        Assert.Equal(2, _directory.CallsTo("SignInsByUser"));
        Assert.Equal(0, _directory.CallsTo("ListRegistration"));
        Assert.Equal(0, _directory.CallsTo("SignInsByCode"));
    }

    [Fact]
    public async Task Many_users_read_each_report_once_for_the_whole_run()
    {
        var options = new ReadinessOptions { Clock = () => Now, SetSize = 15, PerUserReportLimit = 10 };
        var inputs = Enumerable.Range(0, 40).Select(i => $"user{i}@contoso.com").ToList();
        var output = new RecordingOutput();

        await Runner(options).RunAsync(inputs, output);

        Assert.Equal(40, output.ObjectsOf<SignInReadiness>().Count);
        Assert.Equal(3, _directory.CallsTo("GetUsers"));
        Assert.Equal(1, _directory.CallsTo("GetDomains"));
        Assert.Equal(1, _directory.CallsTo("ListRegistration"));
        Assert.Equal(options.BulkSignInCodes.Count, _directory.CallsTo("SignInsByCode"));
        Assert.Equal(0, _directory.CallsTo("GetRegistration"));
        Assert.NotEmpty(output.Progress);
    }

    [Fact]
    public async Task Bulk_sign_ins_are_shared_out_per_user()
    {
        _directory.SignIns.AddRange(Enumerable.Range(1, 3).Select(h => new SignInEvent { UserId = "00000000-0000-0000-0000-000000000005", ErrorCode = 50053, TimeUtc = Now.AddHours(-h), FailureReason = "locked" }));
        var output = new RecordingOutput();

        await Runner(new ReadinessOptions { Clock = () => Now, PerUserReportLimit = 2 }).RunAsync(Enumerable.Range(0, 10).Select(i => $"user{i}@contoso.com"), output);

        var results = output.ObjectsOf<SignInReadiness>();
        Assert.Equal(ReadinessVerdict.Blocked, results[5].Verdict);
        Assert.Equal(CheckStatus.Fail, results[5][ReadinessCheck.RecentFailures]!.Status);
        Assert.All(results.Where((_, i) => i != 5), r => Assert.Equal(ReadinessVerdict.Ready, r.Verdict));
    }

    [Fact]
    public async Task Missing_licence_skips_the_report_checks_and_falls_back_to_methods()
    {
        _directory.RegistrationFailure = GraphErrorMapper.FromError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", null, null, null, null, GraphOperation.ReadRegistrationDetails);
        _directory.SignInFailure = GraphErrorMapper.FromError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", null, null, null, null, GraphOperation.ReadSignIns);
        var output = new RecordingOutput();

        await Runner().RunAsync(new[] { "user1@contoso.com", "user2@contoso.com" }, output);

        var result = output.ObjectsOf<SignInReadiness>()[0];
        Assert.Equal(CheckStatus.Skipped, result[ReadinessCheck.RecentFailures]!.Status);
        Assert.Contains("P1 or P2", result[ReadinessCheck.RecentFailures]!.Requires);
        Assert.Equal(CheckStatus.Warning, result[ReadinessCheck.MfaRegistration]!.Status);
        Assert.Equal(1, _directory.CallsTo("GetRegistration"));
        Assert.Equal(1, _directory.CallsTo("SignInsByUser"));
        Assert.Equal(2, _directory.CallsTo("GetMethods"));
        Assert.Equal(CheckStatus.Pass, result[ReadinessCheck.PasswordExpiry]!.Status);
    }

    [Fact]
    public async Task A_missing_permission_skips_without_calling_graph()
    {
        var gap = new GraphFailure(GraphFailureKind.PermissionMissing, "lacks") { RequiredPermission = "AuditLog.Read.All and Directory.Read.All", RequiredRole = "Reports Reader" };
        var runner = new ReadinessRunner(_directory, GuidanceCatalog.BuiltIn, new ReadinessOptions { Clock = () => Now }, op => op == GraphOperation.ReadSignIns ? gap : null);
        var output = new RecordingOutput();

        await runner.RunAsync(new[] { "user3@contoso.com" }, output);

        var check = output.ObjectsOf<SignInReadiness>()[0][ReadinessCheck.RecentFailures]!;
        Assert.Equal(CheckStatus.Skipped, check.Status);
        Assert.Contains("AuditLog.Read.All", check.Requires);
        Assert.Contains("Reports Reader", check.Requires);
        Assert.Equal(0, _directory.CallsTo("SignInsByUser"));
    }

    [Fact]
    public async Task Selected_checks_only_fetch_what_they_need()
    {
        var output = new RecordingOutput();
        await Runner(new ReadinessOptions { Clock = () => Now, Checks = new[] { ReadinessCheck.Enabled } }).RunAsync(new[] { "user1@contoso.com" }, output);

        var result = output.ObjectsOf<SignInReadiness>()[0];
        Assert.Equal(new[] { ReadinessCheck.Exists, ReadinessCheck.Enabled }, result.Checks.Select(c => c.Check));
        Assert.Equal(0, _directory.CallsTo("GetDomains") + _directory.CallsTo("GetRegistration") + _directory.CallsTo("SignInsByUser"));
    }

    [Fact]
    public async Task Quiet_answers_true_only_when_sign_in_works_now()
    {
        _directory.Users[7] = new DirectoryUser(_directory.Users[7].Id, "user7@contoso.com") { AccountEnabled = false, UserType = "Member" };
        var output = new RecordingOutput();

        await Runner().RunAsync(new[] { "user1@contoso.com", "user7@contoso.com" }, new AadstsTools.Output.ProjectingOutput(output, ReadinessSession.CanSignIn));

        Assert.Equal(new object[] { true, false }, output.Objects);
    }

    private ReadinessRunner Runner(ReadinessOptions? options = null) =>
        new(_directory, GuidanceCatalog.BuiltIn, options ?? new ReadinessOptions { Clock = () => Now });
}
