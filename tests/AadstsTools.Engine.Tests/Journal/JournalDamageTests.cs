using System.Text;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Journal;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.Journal;

/// <summary>What a killed process or a hand edit leaves in a journal, and how reading copes.</summary>
public class JournalDamageTests
{
    private const string Good1 = """{"time":"2026-01-05T10:00:00+00:00","run":"r1","user":"a@contoso.com","state":"intended"}""";
    private const string Good2 = """{"time":"2026-01-05T10:00:01+00:00","run":"r1","user":"a@contoso.com","state":"done","forceChange":true,"forceChangeWithMfa":false,"sessionsRevoked":false}""";
    private const string Good3 = """{"time":"2026-01-05T10:00:02+00:00","run":"r1","user":"b@contoso.com","state":"intended"}""";

    [Theory]
    [InlineData("""{"time":"2026-01-05T10:00:03+00:00","run":"r1","user":"b@contoso.com","sta""")]
    [InlineData("{")]
    [InlineData("\0\0\0\0\0\0")]
    [InlineData("""{"time":"2026-01-05T10:00:03+00:00","run":"r1","user":"b@contoso.com","state":"do""")]
    public void A_torn_last_line_is_reported_and_ignored(string torn)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", $"{Good1}\n{Good2}\n{Good3}\n{torn}");

        JournalHistory history = ResetJournal.Read(path);

        Assert.Equal(3, history.Entries.Count);
        Assert.NotNull(history.TornLastLine);
        Assert.Equal(4, history.TornLastLine.LineNumber);
        Assert.Equal(Encoding.UTF8.GetByteCount(torn), history.TornLastLine.ByteCount);
        Assert.Equal(JournalUserState.Unknown, history.Lookup("b@contoso.com"));
    }

    [Fact]
    public void A_malformed_last_line_with_its_newline_is_torn_too()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", $"{Good1}\n{Good2}\n\0\0\0\0\n\n");

        JournalHistory history = ResetJournal.Read(path);

        Assert.Equal(2, history.Entries.Count);
        Assert.Equal(3, history.TornLastLine!.LineNumber);
        Assert.Equal(6, history.TornLastLine.ByteCount);
    }

    [Fact]
    public void Opening_for_a_new_run_cuts_the_torn_line_off_and_appends_cleanly()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", $"{Good1}\n{Good3}\n{{\"time\":\"2026-01-05T10:00:03+00:00\",\"run\":\"r1\",\"us");

        using (ResetJournal journal = ResetJournal.Open(path, "r2"))
        {
            Assert.Equal(3, journal.History.TornLastLine!.LineNumber);
            journal.Append(JournalEntry.Done("b@contoso.com", null, true, false, false, "req"));
        }

        JournalHistory after = ResetJournal.Read(path);
        Assert.Null(after.TornLastLine);
        Assert.Equal(3, after.Entries.Count);
        Assert.Equal(JournalUserState.Done, after.Lookup("b@contoso.com"));
        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void A_whole_last_record_missing_only_its_newline_counts_and_the_next_line_starts_fresh()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", $"{Good1}\n{Good2}");

        using (ResetJournal journal = ResetJournal.Open(path, "r2"))
        {
            Assert.Null(journal.History.TornLastLine);
            Assert.Equal(JournalUserState.Done, journal.History.Lookup("a@contoso.com"));
            journal.Append(JournalEntry.Intended("c@contoso.com"));
        }

        JournalHistory after = ResetJournal.Read(path);
        Assert.Equal(3, after.Entries.Count);
        Assert.Equal(JournalUserState.Unknown, after.Lookup("c@contoso.com"));
    }

    [Theory]
    [InlineData("{ not json", "not a journal record")]
    [InlineData("""{"time":"2026-01-05T10:00:00+00:00","run":"r1","user":"x","state":"started"}""", "\"started\" is not one of intended, done, failed, skipped")]
    [InlineData("""{"time":"2026-01-05T10:00:00+00:00","run":"r1","user":"x","state":"Done"}""", "\"Done\" is not one of")]
    [InlineData("""{"time":"2026-01-05T10:00:00+00:00","run":"r1","state":"done"}""", "no \"user\"")]
    [InlineData("""{"run":"r1","user":"x","state":"done"}""", "no \"time\"")]
    [InlineData("""{"time":"2026-01-05T10:00:00+00:00","user":"x","state":"done"}""", "no \"run\"")]
    [InlineData("""{"time":"2026-01-05T10:00:00+00:00","run":"r1","user":"x","state":"failed","errorKind":"3"}""", "error kind \"3\" is unknown")]
    [InlineData("[1,2]", "not a journal record")]
    [InlineData("null", "not a journal record")]
    public void Any_other_malformed_line_is_an_error_naming_file_and_line(string bad, string problem)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", $"{Good1}\n{bad}\n{Good3}\n");

        var ex = Assert.Throws<JournalFileException>(() => ResetJournal.Read(path));

        Assert.Equal(2, ex.Line);
        Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        Assert.StartsWith($"Journal '{path}', line 2: ", ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.Throws<JournalFileException>(() => ResetJournal.Open(path).Dispose());
        Assert.Equal($"{Good1}\n{bad}\n{Good3}\n", File.ReadAllText(path)); // nothing cut or written
    }

    [Fact]
    public void Blank_lines_a_byte_order_mark_and_CRLF_are_tolerated()
    {
        using var dir = new TempDirectory();
        string path = dir.Path + "/j.jsonl";
        File.WriteAllText(path, $"{Good1}\r\n\r\n   \n{Good2}\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        JournalHistory history = ResetJournal.Read(path);

        Assert.Equal(2, history.Entries.Count);
        Assert.Null(history.TornLastLine);
    }

    [Fact]
    public void Unknown_fields_from_a_later_version_are_ignored()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", """{"time":"2026-01-05T10:00:00+00:00","run":"r1","user":"x","state":"done","attempt":2}""" + "\n");

        Assert.Equal(JournalUserState.Done, ResetJournal.Read(path).Lookup("x"));
    }

    [Fact]
    public void An_empty_file_is_an_empty_journal()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("j.jsonl", string.Empty);

        JournalHistory history = ResetJournal.Read(path);

        Assert.Empty(history.Entries);
        Assert.Null(history.TornLastLine);
    }
}
