using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Lookup;
using AadstsTools.SignIns.Analysis;
using AadstsTools.SignIns.Files;
using AadstsTools.TestData;

namespace AadstsTools.Engine.Tests.SignIns;

/// <summary>
/// The sample downloads, triaged: the summary must match what the generator put in (counted here with
/// LINQ over the generator's own list), and exactly the four planted patterns must be flagged.
/// </summary>
public class SampleTriageTests
{
    public static TheoryData<string> Samples => new() { "signins-interactive.csv", "signins-interactive.json" };

    private static (SignInTriageResult Result, RecordingOutput Output) Triage(string name, SignInTriageOptions options)
    {
        var output = new RecordingOutput();
        var triage = new SignInTriage(new GuidanceService(GuidanceCatalog.BuiltIn), options, output);
        triage.AddRange(SignInFileReader.ReadAndReport(RepositoryFiles.Path("examples", name), output));
        return (triage.Complete(), output);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Summary_rows_match_the_generated_failures(string name)
    {
        var catalog = GuidanceCatalog.BuiltIn;
        var expected = SyntheticSignInLog.Scenario()
            .Where(e => e.ErrorCode != 0 && !(catalog.TryGetCode(e.ErrorCode, out CatalogEntry entry) && entry.Benign))
            .GroupBy(e => e.ErrorCode)
            .Select(g => (Key: "AADSTS" + g.Key, Count: (long)g.Count(), Users: g.Select(e => e.Principal).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                Apps: g.Select(e => e.AppDisplayName).Distinct().Count(), First: g.Min(e => e.Time).UtcDateTime, Last: g.Max(e => e.Time).UtcDateTime))
            .OrderByDescending(r => r.Users).ThenByDescending(r => r.Count)
            .ToList();

        var (result, output) = Triage(name, new SignInTriageOptions { Summary = true });

        Assert.Equal(expected, result.Summaries.Select(r => (r.Key, r.Count, r.DistinctUsers, r.DistinctApps, r.FirstSeenUtc, r.LastSeenUtc)));
        Assert.Empty(output.Errors);
        Assert.Empty(output.Warnings);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Exactly_the_planted_patterns_are_flagged(string name)
    {
        var (result, _) = Triage(name, new SignInTriageOptions { Summary = true });

        Assert.Equal(
            new[]
            {
                (SignInPatternKind.Spike, "AADSTS50126"),
                (SignInPatternKind.PasswordSpray, SyntheticSignInLog.SprayIp),
                (SignInPatternKind.StaleCredentials, SyntheticSignInLog.StaleApp),
                (SignInPatternKind.Lockout, "AADSTS50053"),
            },
            result.Flags.Select(f => (f.Kind, f.Subject)));
        Assert.Contains($"from {SyntheticSignInLog.SprayHour:yyyy-MM-dd HH:mm} UTC", result.Flags[0].Reason);
        Assert.Contains($"{SyntheticSignInLog.SprayAccounts} accounts failed credentials", result.Flags[1].Reason);
        Assert.Contains("1 sign-in from it succeeded", result.Flags[1].Reason);
        Assert.Contains($"for {SyntheticSignInLog.StaleAccounts} accounts", result.Flags[2].Reason);
        Assert.Contains(SyntheticSignInLog.StaleIp, result.Flags[2].Reason);
        Assert.Contains($"{SyntheticSignInLog.LockedOutUsers.Length} accounts locked out", result.Flags[3].Reason);
        Assert.Contains($"{SyntheticSignInLog.LockedOutUsers.Length * SyntheticSignInLog.LockoutsPerUser} events", result.Flags[3].Reason);
    }

    [Fact]
    public void Failures_stream_one_by_one_in_file_order_with_benign_ones_left_out()
    {
        var (result, output) = Triage("signins-interactive.csv", new SignInTriageOptions());

        var failures = output.ObjectsOf<AadstsTools.SignInFailure>();
        var expected = SyntheticSignInLog.Scenario().Where(e => e.ErrorCode != 0 && !(GuidanceCatalog.BuiltIn.TryGetCode(e.ErrorCode, out CatalogEntry c) && c.Benign)).ToList();
        Assert.Equal(expected.Select(e => (e.Time.UtcDateTime, e.RequestId)), failures.Select(f => (f.TimeUtc, f.RequestId!)));
        Assert.Equal(failures.Count, result.Kept);
        Assert.DoesNotContain(failures, f => f.Benign);
    }
}
