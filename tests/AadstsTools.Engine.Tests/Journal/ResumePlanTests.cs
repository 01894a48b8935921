using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Journal;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.Journal;

public class ResumePlanTests
{
    private static readonly string[] Inputs =
    [
        "done@contoso.com", "failed@contoso.com", "unknown@contoso.com", "new@contoso.com", "skipped@contoso.com", "DONE@contoso.com", "torn@contoso.com",
    ];

    [Fact]
    public void A_killed_run_resumes_without_resetting_anyone_twice_unknowingly_or_skipping_anyone()
    {
        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        using (ResetJournal killed = ResetJournal.Open(path))
        {
            killed.Append(Inputs.Take(5).Where(u => u != "new@contoso.com").Select(u => JournalEntry.Intended(u)).Append(JournalEntry.Intended("torn@contoso.com")));
            killed.Append(JournalEntry.Done("done@contoso.com", "id-done", true, false, false, "r1"));
            killed.Append(JournalEntry.Failed("failed@contoso.com", null, ErrorKind.ConnectionError, "connection dropped"));
            killed.Append(JournalEntry.Skipped("skipped@contoso.com", null, "federated"));
        }

        // The process died while writing torn@'s Done line.
        File.AppendAllText(path, """{"time":"2026-01-05T10:00:03+00:00","run":"r1","user":"torn@contoso.com","state":"do""");

        using ResetJournal resumed = ResetJournal.Open(path);
        ResumePlan plan = ResumePlan.Create(resumed.History, Inputs);

        Assert.Equal(["failed@contoso.com", "new@contoso.com", "skipped@contoso.com"], plan.ToDo.Select(i => i.UserKey));
        Assert.Equal(["done@contoso.com", "DONE@contoso.com"], plan.AlreadyDone.Select(i => i.UserKey));
        Assert.Equal(["unknown@contoso.com", "torn@contoso.com"], plan.Unknown.Select(i => i.UserKey));
        Assert.Equal(
            Enumerable.Range(0, Inputs.Length),
            plan.ToDo.Concat(plan.AlreadyDone).Concat(plan.Unknown).Select(i => i.Index).Order());
        Assert.NotNull(resumed.History.TornLastLine);
    }

    [Fact]
    public void Items_carry_the_previous_state_and_last_line()
    {
        using var dir = new TempDirectory();
        JournalHistory history = Written(dir, JournalEntry.Failed("failed@contoso.com", null, ErrorKind.PermissionDenied, "needs User Administrator"));

        ResumeItem item = Assert.Single(ResumePlan.Create(history, ["failed@contoso.com"]).ToDo);

        Assert.Equal(JournalUserState.Failed, item.PreviousState);
        Assert.Equal(ErrorKind.PermissionDenied, item.LastEntry!.ErrorKind);
        Assert.Equal(JournalUserState.NotInJournal, Assert.Single(ResumePlan.Create(history, ["x"]).ToDo).PreviousState);
    }

    [Fact]
    public void Unknown_users_are_reset_again_only_when_asked()
    {
        using var dir = new TempDirectory();
        JournalHistory history = Written(dir, JournalEntry.Intended("unknown@contoso.com"));

        ResumePlan cautious = ResumePlan.Create(history, ["unknown@contoso.com"]);
        ResumePlan asked = ResumePlan.Create(history, ["unknown@contoso.com"], resetUnknown: true);

        Assert.Empty(cautious.ToDo);
        Assert.Single(cautious.Unknown);
        Assert.Equal(JournalUserState.Unknown, Assert.Single(asked.ToDo).PreviousState);
        Assert.Empty(asked.Unknown);
    }

    [Fact]
    public void The_plan_is_made_from_the_journal_as_it_was_opened()
    {
        using var dir = new TempDirectory();
        using ResetJournal journal = ResetJournal.Open(dir.File_("j.jsonl"));
        journal.Append(JournalEntry.Done("a@contoso.com", null, true, false, false, "r"));

        Assert.Single(ResumePlan.Create(journal.History, ["a@contoso.com"]).ToDo);
        Assert.Equal(JournalUserState.Done, journal.Lookup("a@contoso.com"));
    }

    private static JournalHistory Written(TempDirectory dir, JournalEntry entry)
    {
        string path = dir.File_("j.jsonl");
        using (ResetJournal journal = ResetJournal.Open(path))
        {
            journal.Append(entry);
        }

        return ResetJournal.Read(path);
    }
}
