using System.Diagnostics;
using AadstsTools.Journal;
using AadstsTools.Passwords;

namespace AadstsTools.Benchmarks;

/// <summary>
/// Generating passwords, and what flushing every journal line to disk costs: one flush per line against one per
/// batch of 20 (the Graph $batch size), for 10,000 users' Intended and Done lines.
/// </summary>
public sealed class PasswordJournalBenchmark : IBenchmark
{
    private const int Users = 10_000;
    private const int BatchSize = 20;

    public string Name => "passwords";

    public string Description => "password generation rate, journal appends flushed per line vs per batch";

    public Task RunAsync(BenchmarkReport report)
    {
        report.Heading("Password generator and reset journal");

        var generator = new PasswordGenerator();
        UserNameParts names = UserNameParts.FromUser("mary-jane.oneil@contoso.com", "Mary-Jane O'Neil", "Mary-Jane", "O'Neil");
        long generated = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
        {
            char[] password = generator.GenerateChars(16, avoidLookAlikes: false, names);
            Array.Clear(password);
            generated++;
        }

        report.Figure("16-character passwords (crypto RNG, name check)", generated / clock.Elapsed.TotalSeconds, "per second");

        string folder = Path.Combine(Path.GetTempPath(), "aadsts-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            double perLine = Measure(Path.Combine(folder, "per-line.jsonl"), batch: 1);
            double perBatch = Measure(Path.Combine(folder, "per-batch.jsonl"), batch: BatchSize);
            report.Figure($"{Users:N0} users, a flush per line", perLine, "ms", $"{perLine * 1000 / (2 * Users):F0} µs per line");
            report.Figure($"{Users:N0} users, a flush per batch of {BatchSize}", perBatch, "ms", $"{perLine / perBatch:F1}x faster");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static double Measure(string path, int batch)
    {
        var clock = Stopwatch.StartNew();
        using ResetJournal journal = ResetJournal.Open(path);
        for (int start = 0; start < Users; start += batch)
        {
            var users = Enumerable.Range(start, batch).Select(i => $"user{i}@contoso.com").ToList();
            journal.Append(users.Select(u => JournalEntry.Intended(u)));
            journal.Append(users.Select(u => JournalEntry.Done(u, null, forceChange: true, forceChangeWithMfa: false, sessionsRevoked: false, requestId: Guid.NewGuid().ToString())));
        }

        return clock.Elapsed.TotalMilliseconds;
    }
}
