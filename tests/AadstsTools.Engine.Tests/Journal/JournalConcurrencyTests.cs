using System.Diagnostics;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Journal;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.Journal;

public class JournalConcurrencyTests
{
    [Fact]
    public void Appends_from_many_threads_each_land_whole_exactly_once()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        const int Threads = 16, PerThread = 150;
        using (ResetJournal journal = ResetJournal.Open(path))
        {
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    string user = $"t{t}-u{i}@contoso.com";
                    journal.Append(JournalEntry.Intended(user));
                    journal.Append(i % 3 == 0
                        ? [JournalEntry.Failed(user, null, ErrorKind.LimitsExceeded, "throttled " + new string('x', 500))]
                        : [JournalEntry.Done(user, $"id-{t}-{i}", true, false, i % 2 == 0, $"req-{t}-{i}")]);
                }
            });

            Assert.Equal(JournalUserState.Done, journal.Lookup("t15-u149@contoso.com"));
        }

        JournalHistory history = ResetJournal.Read(path);
        Assert.Equal(Threads * PerThread * 2, history.Entries.Count);
        Assert.Null(history.TornLastLine);
        for (int t = 0; t < Threads; t++)
        {
            for (int i = 0; i < PerThread; i++)
            {
                string user = $"t{t}-u{i}@contoso.com";
                Assert.Equal(2, history.Entries.Count(e => e.UserKey == user));
                Assert.Equal(i % 3 == 0 ? JournalUserState.Failed : JournalUserState.Done, history.Lookup(user));
            }
        }
    }

    [Fact]
    public void A_second_writer_is_refused_with_an_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        using (ResetJournal first = ResetJournal.Open(path))
        {
            var second = Assert.Throws<JournalFileException>(() => ResetJournal.Open(path));
            Assert.Equal(ErrorKind.ResourceUnavailable, second.Kind);
            Assert.Contains(path, second.Message);
            Assert.Contains("in use by another run", second.Message);

            var reader = Assert.Throws<JournalFileException>(() => ResetJournal.Read(path));
            Assert.Equal(ErrorKind.ResourceUnavailable, reader.Kind);

            first.Append(JournalEntry.Intended("still@contoso.com")); // the holder is unaffected
        }

        using ResetJournal afterwards = ResetJournal.Open(path);
        Assert.Equal(JournalUserState.Unknown, afterwards.History.Lookup("still@contoso.com"));
    }

    [Fact]
    public void Another_process_cannot_lock_an_open_journal()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // flock(1) stands in for the second process; on Windows the in-process test covers the share mode.
        }

        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        using (ResetJournal.Open(path))
        {
            Assert.Equal(99, RunFlock("-n", "-E", "99", path, "true"));
        }

        Assert.Equal(0, RunFlock("-n", "-E", "99", path, "true"));
    }

    [Fact]
    public void A_journal_locked_by_another_process_cannot_be_opened()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        File.WriteAllText(path, string.Empty);
        // One process: the shell opens the file, locks it with flock(1) and becomes sleep, so killing it frees the lock.
        using Process holder = Start("sh", "-c", "exec 9>>\"$0\" && flock -n 9 && echo locked && exec sleep 30", path);
        try
        {
            Assert.Equal("locked", holder.StandardOutput.ReadLine());

            var ex = Assert.Throws<JournalFileException>(() => ResetJournal.Open(path));
            Assert.Equal(ErrorKind.ResourceUnavailable, ex.Kind);
            Assert.Contains(path, ex.Message);
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
        }

        ResetJournal.Open(path).Dispose();
    }

    private static int RunFlock(params string[] arguments)
    {
        using Process process = Start("flock", arguments);
        Assert.True(process.WaitForExit(10_000), "flock did not finish");
        return process.ExitCode;
    }

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException(program + " could not be started");
    }
}
