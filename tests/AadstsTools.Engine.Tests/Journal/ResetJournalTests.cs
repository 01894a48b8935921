using System.Text;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Journal;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.Journal;

public class ResetJournalTests
{
    [Fact]
    public void Every_kind_of_line_reads_back_as_written()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("journal.jsonl");
        var written = new List<JournalEntry>
        {
            JournalEntry.Intended("Mary.ONeil@contoso.com", "0b5f0a3c-1111-4d2e-9a57-3f4c8a2b9e10"),
            JournalEntry.Done("Mary.ONeil@contoso.com", "0b5f0a3c-1111-4d2e-9a57-3f4c8a2b9e10", forceChange: true, forceChangeWithMfa: false, sessionsRevoked: true, requestId: "req-1"),
            JournalEntry.Intended("José Müller <jm>"),
            JournalEntry.Failed("José Müller <jm>", null, ErrorKind.PermissionDenied, "Insufficient privileges: \"User Administrator\" needed.\nSecond line.", "req-2"),
            JournalEntry.Skipped("fed@fabrikam.com", "2c4e", "federated domain: reset the password on-premises"),
        };

        using (ResetJournal journal = ResetJournal.Open(path, "run-1"))
        {
            Assert.Empty(journal.History.Entries);
            foreach (JournalEntry entry in written)
            {
                journal.Append(entry);
            }
        }

        JournalHistory history = ResetJournal.Read(path);
        Assert.Equal(written.Select(e => e with { RunId = "run-1" }), history.Entries);
        Assert.Null(history.TornLastLine);
        Assert.Equal(Path.GetFullPath(path), history.File);
    }

    [Fact]
    public void Lines_are_one_JSON_object_each_with_the_documented_names()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("journal.jsonl");
        using (ResetJournal journal = ResetJournal.Open(path, "run-1"))
        {
            journal.Append(JournalEntry.Intended("mary@contoso.com", "id-1"));
            journal.Append(JournalEntry.Done("mary@contoso.com", "id-1", true, true, false, "req-1"));
            journal.Append(JournalEntry.Failed("o'neil@contoso.com", null, ErrorKind.ObjectNotFound, "no such user"));
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Matches("""^\{"time":"[^"]+","run":"run-1","user":"mary@contoso.com","objectId":"id-1","state":"intended"\}$""", lines[0]);
        Assert.Contains("\"state\":\"done\",\"forceChange\":true,\"forceChangeWithMfa\":true,\"sessionsRevoked\":false,\"requestId\":\"req-1\"", lines[1]);
        Assert.Contains("\"user\":\"o'neil@contoso.com\",\"state\":\"failed\",\"errorKind\":\"ObjectNotFound\",\"error\":\"no such user\"", lines[2]);
    }

    [Fact]
    public void A_new_run_sees_what_earlier_runs_wrote_and_adds_its_own_run_id()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("journal.jsonl");
        using (ResetJournal first = ResetJournal.Open(path))
        {
            first.Append(JournalEntry.Intended("a@contoso.com"));
        }

        using ResetJournal second = ResetJournal.Open(path);
        Assert.Equal(JournalUserState.Unknown, second.History.Lookup("a@contoso.com"));
        second.Append(JournalEntry.Done("a@contoso.com", null, true, false, false, "req"));

        Assert.Equal(JournalUserState.Done, second.Lookup("a@contoso.com"));
        Assert.Equal(JournalUserState.Unknown, second.History.Lookup("a@contoso.com"));
        Assert.NotEqual(second.History.Entries[0].RunId, second.LastEntry("a@contoso.com")!.RunId);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$", second.RunId);
    }

    [Theory]
    [InlineData(new[] { "intended" }, JournalUserState.Unknown)]
    [InlineData(new[] { "intended", "done" }, JournalUserState.Done)]
    [InlineData(new[] { "intended", "failed" }, JournalUserState.Failed)]
    [InlineData(new[] { "intended", "failed", "intended" }, JournalUserState.Unknown)]
    [InlineData(new[] { "skipped" }, JournalUserState.Skipped)]
    [InlineData(new string[0], JournalUserState.NotInJournal)]
    public void The_last_line_about_a_user_decides_its_state(string[] states, JournalUserState expected)
    {
        using var dir = new TempDirectory();
        using ResetJournal journal = ResetJournal.Open(dir.File_("j.jsonl"));
        journal.Append(JournalEntry.Done("someone.else@contoso.com", null, true, false, false, null));
        foreach (string state in states)
        {
            journal.Append(state switch
            {
                "intended" => JournalEntry.Intended("u@contoso.com"),
                "done" => JournalEntry.Done("u@contoso.com", null, true, false, false, "r"),
                "failed" => JournalEntry.Failed("u@contoso.com", null, ErrorKind.ConnectionError, "dropped"),
                _ => JournalEntry.Skipped("u@contoso.com", null, "federated"),
            });
        }

        Assert.Equal(expected, journal.Lookup("u@contoso.com"));
    }

    [Fact]
    public void A_user_is_found_by_the_input_in_any_case_or_by_object_id()
    {
        using var dir = new TempDirectory();
        using ResetJournal journal = ResetJournal.Open(dir.File_("j.jsonl"));
        journal.Append(JournalEntry.Intended("Mary@Contoso.com", "0B5F-ID"));
        journal.Append(JournalEntry.Done("Mary@Contoso.com", "0B5F-ID", true, false, false, "r"));

        Assert.Equal(JournalUserState.Done, journal.Lookup(" mary@contoso.COM "));
        Assert.Equal(JournalUserState.Done, journal.Lookup("0b5f-id")); // the id given as input
        Assert.Equal(JournalUserState.Done, journal.Lookup("mary.alias@contoso.com", "0b5f-id")); // resolved to the same object
        Assert.Equal(JournalUserState.NotInJournal, journal.Lookup("other@contoso.com"));
    }

    [Fact]
    public void The_latest_line_wins_whether_found_by_input_or_object_id()
    {
        using var dir = new TempDirectory();
        using ResetJournal journal = ResetJournal.Open(dir.File_("j.jsonl"));
        journal.Append(JournalEntry.Failed("mary@contoso.com", "id-1", ErrorKind.ConnectionError, "dropped"));
        journal.Append(JournalEntry.Intended("id-1", "id-1"));
        journal.Append(JournalEntry.Done("id-1", "id-1", true, false, false, "r"));

        Assert.Equal(JournalUserState.Done, journal.Lookup("mary@contoso.com", "id-1"));
        Assert.Equal(JournalUserState.Failed, journal.Lookup("mary@contoso.com"));
    }

    [Fact]
    public void Several_lines_can_go_in_one_flush()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        using (ResetJournal journal = ResetJournal.Open(path))
        {
            journal.Append(Enumerable.Range(0, 20).Select(i => JournalEntry.Intended($"user{i}@contoso.com")));
            journal.Append([]);
            Assert.Equal(JournalUserState.Unknown, journal.Lookup("user19@contoso.com"));
        }

        Assert.Equal(20, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Entries_need_a_user()
    {
        Assert.Throws<ArgumentException>(() => JournalEntry.Intended(" "));
        Assert.Throws<ArgumentNullException>(() => JournalEntry.Failed("u", null, ErrorKind.NotSpecified, null!));
    }

    [Fact]
    public void A_closed_journal_refuses_appends()
    {
        using var dir = new TempDirectory();
        ResetJournal journal = ResetJournal.Open(dir.File_("j.jsonl"));
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.Append(JournalEntry.Intended("u")));
    }

    [Fact]
    public void A_missing_folder_or_file_is_a_clear_error_naming_it()
    {
        using var dir = new TempDirectory();
        string missingFolder = Path.Combine(dir.Path, "nope", "j.jsonl");

        var open = Assert.Throws<JournalFileException>(() => ResetJournal.Open(missingFolder));
        Assert.Contains(missingFolder, open.Message);
        var read = Assert.Throws<JournalFileException>(() => ResetJournal.Read(dir.File_("absent.jsonl")));
        Assert.Equal(ErrorKind.ObjectNotFound, read.Kind);
        Assert.Contains("absent.jsonl", read.Message);
    }

    [Fact]
    public void A_failed_write_is_reported_and_stops_further_appends()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux only: /dev/full fails every write with "no space left on device".
        }

        using ResetJournal journal = ResetJournal.Open("/dev/full");

        var first = Assert.Throws<JournalFileException>(() => journal.Append(JournalEntry.Intended("u@contoso.com")));
        Assert.Equal(ErrorKind.WriteError, first.Kind);
        Assert.Contains("/dev/full", first.Message);
        Assert.Equal(JournalUserState.NotInJournal, journal.Lookup("u@contoso.com"));
        var second = Assert.Throws<JournalFileException>(() => journal.Append(JournalEntry.Intended("v@contoso.com")));
        Assert.Contains("earlier write failed", second.Message);
    }

    [Fact]
    public void The_file_is_UTF8_without_a_byte_order_mark()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        using (ResetJournal journal = ResetJournal.Open(path))
        {
            journal.Append(JournalEntry.Intended("müller@contoso.com"));
        }

        byte[] bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("müller@contoso.com", Encoding.UTF8.GetString(bytes));
    }
}
