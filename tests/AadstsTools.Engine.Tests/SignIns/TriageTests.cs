using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Lookup;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Analysis;

namespace AadstsTools.Engine.Tests.SignIns;

public class TriageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    internal static SignInEvent Event(int code, string user = "ada@contoso.example", string app = "Microsoft Teams", string ip = "198.51.100.7", double hours = 0, string? client = "Browser") => new()
    {
        TimeUtc = T0.AddHours(hours),
        UserPrincipalName = user,
        UserId = "id-" + user,
        AppDisplayName = app,
        AppId = "appid-" + app,
        IpAddress = ip,
        ClientApp = client,
        ErrorCode = code,
        FailureReason = "reason " + code,
        CorrelationId = "corr",
        RequestId = "req",
        ConditionalAccessStatus = "NotApplied",
        LogType = SignInLogType.Interactive,
        IsInteractive = true,
        Origin = "test",
    };

    internal static (SignInTriageResult Result, RecordingOutput Output) Run(IEnumerable<SignInEvent> events, SignInTriageOptions? options = null)
    {
        var output = new RecordingOutput();
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), options, output);
        triage.AddRange(events);
        return (triage.Complete(), output);
    }

    [Fact]
    public void Each_failure_comes_out_with_its_guidance_as_it_is_added()
    {
        var output = new RecordingOutput();
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), null, output);

        triage.Add(Event(50126));

        SignInFailure failure = Assert.Single(output.ObjectsOf<SignInFailure>());
        Assert.Equal("AADSTS50126", failure.Code);
        Assert.Equal("InvalidUserNameOrPassword", failure.Title);
        Assert.Equal("Password", failure.Category);
        Assert.False(string.IsNullOrEmpty(failure.GuidanceSummary));
        Assert.NotNull(failure.Guidance);
        Assert.DoesNotContain("Get-AadSignInFailure", failure.FixCommand);
        Assert.Contains(failure.Guidance!.RelatedCommands, c => c.CommandLine == failure.FixCommand);
        Assert.Equal((T0.UtcDateTime, "ada@contoso.example", "Microsoft Teams", "198.51.100.7", "corr", "req", "NotApplied"),
            (failure.TimeUtc, failure.User, failure.App, failure.IpAddress, failure.CorrelationId, failure.RequestId, failure.ConditionalAccessStatus));
    }

    [Fact]
    public void Successes_and_benign_interrupts_are_left_out_unless_asked()
    {
        var events = new[] { Event(0), Event(50140), Event(50058), Event(50126) };

        var plain = Run(events);
        var all = Run(events, new SignInTriageOptions { IncludeBenign = true, IncludeSuccess = true });

        Assert.Equal(new[] { 50126 }, plain.Output.ObjectsOf<SignInFailure>().Select(f => f.ErrorCode));
        Assert.Equal((1L, 2L), (plain.Result.SuccessesLeftOut, plain.Result.BenignLeftOut));
        Assert.Equal(new[] { 0, 50140, 50058, 50126 }, all.Output.ObjectsOf<SignInFailure>().Select(f => f.ErrorCode));
        Assert.True(all.Output.ObjectsOf<SignInFailure>()[1].Benign);
        Assert.True(all.Output.ObjectsOf<SignInFailure>()[0].Succeeded);
        Assert.Contains(plain.Output.Verbose, v => v.Contains("1 successful") && v.Contains("2 expected interrupts"));
    }

    [Fact]
    public void Filters_by_code_user_app_and_time()
    {
        var events = new[]
        {
            Event(50126, "ada@contoso.example", "Teams", hours: 1),
            Event(50126, "bob@contoso.example", "Teams", hours: 2),
            Event(50053, "ADA@contoso.example", "Outlook", hours: 3),
            Event(50126, "ada@contoso.example", "Teams", hours: 10),
        };

        var result = Run(events, new SignInTriageOptions { ErrorCodes = new[] { 50126 }, UserIds = new[] { "Ada@Contoso.Example" }, AppIds = new[] { "appid-teams" }, Since = T0.AddHours(0.5), Until = T0.AddHours(5) });

        Assert.Equal(new[] { T0.AddHours(1).UtcDateTime }, result.Output.ObjectsOf<SignInFailure>().Select(f => f.TimeUtc));
        Assert.Equal((1L, 2L), (result.Result.OutsideWindow, result.Result.FilteredOut));
    }

    [Fact]
    public void Codes_the_catalog_lacks_are_named_in_one_warning()
    {
        var result = Run(new[] { Event(9999991), Event(9999991), Event(9999992), Event(50126) });

        Assert.Equal(4, result.Output.ObjectsOf<SignInFailure>().Count);
        string warning = Assert.Single(result.Output.Warnings);
        Assert.Contains("AADSTS9999991, AADSTS9999992", warning);
    }

    [Fact]
    public void The_summary_has_one_row_per_code_with_counts_and_is_sorted_by_users_affected()
    {
        var events = new List<SignInEvent>
        {
            Event(50053, "a@x", hours: 1), Event(50053, "a@x", hours: 2), Event(50053, "a@x", hours: 3), Event(50053, "a@x", hours: 4),
            Event(53003, "a@x", app: "Portal", hours: 5), Event(53003, "b@x", ip: "203.0.113.1", hours: 6),
            Event(0, "c@x"),
        };

        var result = Run(events, new SignInTriageOptions { Summary = true });

        var rows = result.Output.ObjectsOf<SignInFailureSummary>();
        Assert.Equal(new[] { "AADSTS53003", "AADSTS50053" }, rows.Select(r => r.Key));
        SignInFailureSummary ca = rows[0];
        Assert.Equal((2L, 2, 2, 2), (ca.Count, ca.DistinctUsers, ca.DistinctApps, ca.DistinctIps));
        Assert.Equal((T0.AddHours(5).UtcDateTime, T0.AddHours(6).UtcDateTime), (ca.FirstSeenUtc, ca.LastSeenUtc));
        Assert.Equal(53003, ca.Code);
        Assert.Equal("BlockedByConditionalAccess", ca.Title);
        Assert.NotNull(ca.FixCommand);
        Assert.Equal(new[] { "a@x (4)" }, rows[1].TopUsers);
        Assert.Empty(result.Output.ObjectsOf<SignInFailure>());
    }

    [Theory]
    [InlineData(SignInGroupBy.User, new[] { "a@x", "b@x", "c@x" })]
    [InlineData(SignInGroupBy.App, new[] { "Teams", "Portal" })]
    [InlineData(SignInGroupBy.IP, new[] { "198.51.100.7", "203.0.113.1" })]
    public void GroupBy_gives_one_row_per_user_app_or_address_with_its_top_codes(SignInGroupBy groupBy, string[] keys)
    {
        var events = new[]
        {
            Event(50126, "a@x", "Teams"), Event(50126, "c@x", "Teams"), Event(50053, "a@x", "Teams"), Event(50126, "a@x", "Teams"),
            Event(53003, "b@x", "Portal", "203.0.113.1"),
        };

        var result = Run(events, new SignInTriageOptions { Summary = true, GroupBy = groupBy });

        var rows = result.Output.ObjectsOf<SignInFailureSummary>();
        Assert.Equal(keys.OrderBy(k => k), rows.Select(r => r.Key).OrderBy(k => k));
        Assert.All(rows, r => Assert.Equal(groupBy, r.GroupBy));
        SignInFailureSummary first = rows.Single(r => r.Key == keys[0]);
        Assert.Equal(50126, first.Code);
        Assert.StartsWith("AADSTS50126 (", first.TopCodes[0]);
    }

    [Fact]
    public void Distinct_counts_stop_at_the_cap_and_say_so()
    {
        var events = Enumerable.Range(0, 8).Select(i => Event(50126, $"u{i}@x"));

        var result = Run(events, new SignInTriageOptions { Summary = true, DistinctCap = 3 });

        SignInFailureSummary row = Assert.Single(result.Result.Summaries);
        Assert.Equal((8L, 3, true), (row.Count, row.DistinctUsers, row.DistinctCountsCapped));
    }

    [Fact]
    public void Keys_past_the_group_limit_are_counted_under_other()
    {
        var events = Enumerable.Range(0, 5).Select(i => Event(50126, $"u{i}@x"));

        var result = Run(events, new SignInTriageOptions { Summary = true, GroupBy = SignInGroupBy.User, MaxGroups = 2 });

        Assert.Equal(5, result.Result.Summaries.Sum(r => r.Count));
        Assert.Equal(3, result.Result.Summaries.Single(r => r.Key == "(other)").Count);
    }

    [Fact]
    public void Adding_after_complete_is_refused()
    {
        var output = new RecordingOutput();
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), null, output);
        triage.Complete();

        Assert.Throws<InvalidOperationException>(() => triage.Add(Event(50126)));
    }

    [Fact]
    public void Cancellation_stops_a_long_feed()
    {
        using var cancel = new CancellationTokenSource();
        var output = new RecordingOutput(cancellation: cancel.Token);
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), null, output);

        IEnumerable<SignInEvent> Endless()
        {
            for (int i = 0; ; i++)
            {
                if (i == 100)
                {
                    cancel.Cancel();
                }

                yield return Event(50126);
            }
        }

        Assert.Throws<OperationCanceledException>(() => triage.AddRange(Endless()));
        Assert.Equal(100, output.Objects.Count);
    }
}
