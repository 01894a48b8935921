using AadstsTools.SignIns;
using AadstsTools.SignIns.Analysis;
using static AadstsTools.Engine.Tests.SignIns.TriageTests;

namespace AadstsTools.Engine.Tests.SignIns;

/// <summary>Each pattern on fixtures built to meet, or just miss, its rule.</summary>
public class PatternTests
{
    private static IReadOnlyList<SignInPatternFlag> Flags(IEnumerable<SignInEvent> events, SignInGroupBy groupBy = SignInGroupBy.Code) =>
        Run(events, new SignInTriageOptions { Summary = true, GroupBy = groupBy }).Result.Flags;

    /// <summary>One 53003 an hour for <paramref name="hours"/> hours, and <paramref name="peak"/> in hour <paramref name="peakHour"/>.</summary>
    private static IEnumerable<SignInEvent> Hourly(int hours, int perHour, int peakHour, int peak)
    {
        for (int h = 0; h < hours; h++)
        {
            int count = h == peakHour ? peak : perHour;
            for (int i = 0; i < count; i++)
            {
                yield return Event(53003, $"u{i}@x", hours: h + i / (double)(count + 1));
            }
        }
    }

    [Fact]
    public void A_busy_hour_far_above_the_codes_median_hour_is_a_spike()
    {
        var flags = Flags(Hourly(hours: 24, perHour: 2, peakHour: 20, peak: 12));

        SignInPatternFlag spike = Assert.Single(flags);
        Assert.Equal(SignInPatternKind.Spike, spike.Kind);
        Assert.Equal("AADSTS53003", spike.Subject);
        Assert.Contains("12 failures in the hour from 2026-11-20 20:00 UTC", spike.Reason);
        Assert.Contains("6 times its median of 2 per hour over the window's 24 hours", spike.Reason);
    }

    [Theory]
    [InlineData(24, 2, 9)]   // under 10 in the busiest hour
    [InlineData(24, 3, 14)]  // under 5 times the median
    [InlineData(5, 0, 50)]   // a window too short to have a baseline
    public void Busy_hours_below_the_rule_are_not_spikes(int hours, int perHour, int peak)
    {
        Assert.Empty(Flags(Hourly(hours, perHour, peakHour: hours - 1, peak)));
    }

    [Fact]
    public void The_median_counts_hours_without_the_code_as_zero()
    {
        Assert.Equal(0, PatternDetector.Median(new[] { 5, 7 }, 10));
        Assert.Equal(6, PatternDetector.Median(new[] { 5, 7 }, 2));
        Assert.Equal(2.5, PatternDetector.Median(new[] { 1, 4, 2, 3 }, 4));
        Assert.Equal(1, PatternDetector.Median(new[] { 1, 1, 1 }, 5));
    }

    [Fact]
    public void Many_accounts_failing_from_one_address_a_try_or_two_each_is_a_spray()
    {
        var events = Enumerable.Range(0, 12).Select(i => Event(50126, $"u{i}@x", ip: "203.0.113.9", hours: i * 0.01))
            .Append(Event(50034, "nobody@x", ip: "203.0.113.9"))
            .Append(Event(0, "u3@x", ip: "203.0.113.9"))
            .ToList();

        var flags = Flags(events);
        var ipFlags = Flags(events, SignInGroupBy.IP);
        var rows = Run(events, new SignInTriageOptions { Summary = true, GroupBy = SignInGroupBy.IP }).Result.Summaries;

        SignInPatternFlag spray = Assert.Single(flags);
        Assert.Equal((SignInPatternKind.PasswordSpray, "203.0.113.9", (int?)50126), (spray.Kind, spray.Subject, spray.Code));
        Assert.Contains("13 accounts failed credentials", spray.Reason);
        Assert.Contains("1 try each", spray.Reason);
        Assert.Contains("1 sign-in from it succeeded", spray.Reason);
        Assert.Single(ipFlags);
        Assert.Equal(SignInPatternKind.PasswordSpray, Assert.Single(rows.Single(r => r.Key == "203.0.113.9").Flags).Kind);
    }

    [Fact]
    public void Fewer_accounts_or_many_tries_each_is_not_a_spray()
    {
        var nine = Enumerable.Range(0, 9).Select(i => Event(50126, $"u{i}@x", ip: "203.0.113.9"));
        var retries = Enumerable.Range(0, 30).Select(i => Event(50126, $"u{i % 10}@x", ip: "203.0.113.9", app: $"app{i % 10}"));
        var manyAddresses = Enumerable.Range(0, 20).Select(i => Event(50126, $"u{i}@x", ip: $"203.0.113.{i}"));

        Assert.Empty(Flags(nine));
        Assert.DoesNotContain(Flags(retries), f => f.Kind == SignInPatternKind.PasswordSpray);
        Assert.Empty(Flags(manyAddresses));
    }

    [Fact]
    public void One_app_failing_50126_for_several_accounts_over_and_over_from_one_place_is_stale_credentials()
    {
        var events = Enumerable.Range(0, 5 * 4).Select(i => Event(50126, $"u{i % 5}@x", app: "Scanner", ip: "198.51.100.20", hours: i, client: "Authenticated SMTP")).ToList();

        var flags = Flags(events);
        var appRows = Run(events, new SignInTriageOptions { Summary = true, GroupBy = SignInGroupBy.App }).Result.Summaries;

        SignInPatternFlag stale = Assert.Single(flags);
        Assert.Equal((SignInPatternKind.StaleCredentials, "Scanner"), (stale.Kind, stale.Subject));
        Assert.Contains("for 5 accounts again and again (20 failures, 4 each) from 1 address (198.51.100.20) via Authenticated SMTP", stale.Reason);
        Assert.Equal(SignInPatternKind.StaleCredentials, Assert.Single(Assert.Single(appRows).Flags).Kind);
    }

    [Fact]
    public void Repeated_failures_from_many_addresses_or_few_accounts_are_not_stale_credentials()
    {
        var fourAddresses = Enumerable.Range(0, 20).Select(i => Event(50126, $"u{i % 5}@x", app: "Scanner", ip: $"198.51.100.{i % 4}"));
        var fourAccounts = Enumerable.Range(0, 20).Select(i => Event(50126, $"u{i % 4}@x", app: "Scanner", ip: "198.51.100.20"));
        var onceEach = Enumerable.Range(0, 8).Select(i => Event(50126, $"u{i}@x", app: "Scanner", ip: "198.51.100.20"));

        Assert.Empty(Flags(fourAddresses));
        Assert.Empty(Flags(fourAccounts));
        Assert.Empty(Flags(onceEach));
    }

    [Fact]
    public void Lockouts_are_flagged_on_the_code_and_on_each_users_row()
    {
        var events = new[] { Event(50053, "a@x", ip: "192.0.2.1"), Event(50053, "a@x", ip: "192.0.2.1"), Event(50053, "b@x", ip: "192.0.2.2"), Event(50126, "c@x") };

        var codeRows = Run(events, new SignInTriageOptions { Summary = true }).Result.Summaries;
        var userRows = Run(events, new SignInTriageOptions { Summary = true, GroupBy = SignInGroupBy.User }).Result.Summaries;

        SignInPatternFlag lockout = Assert.Single(codeRows.Single(r => r.Key == "AADSTS50053").Flags);
        Assert.Equal(SignInPatternKind.Lockout, lockout.Kind);
        Assert.Contains("2 accounts locked out", lockout.Reason);
        Assert.Contains("3 events, from 2 addresses", lockout.Reason);
        Assert.Contains("a@x was locked out by smart lockout 2 times", Assert.Single(userRows.Single(r => r.Key == "a@x").Flags).Reason);
        Assert.Empty(userRows.Single(r => r.Key == "c@x").Flags);
    }

    [Fact]
    public void Patterns_no_row_of_the_grouping_carries_are_written_as_verbose()
    {
        var events = Enumerable.Range(0, 12).Select(i => Event(50126, $"u{i}@x", ip: "203.0.113.9"));

        var result = Run(events, new SignInTriageOptions { Summary = true, GroupBy = SignInGroupBy.App });

        Assert.Contains(result.Output.Verbose, v => v.Contains("PasswordSpray, see -GroupBy IP"));
    }
}
