using System.Text;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Output;
using AadstsTools.Passwords;
using AadstsTools.Reset;

namespace AadstsTools.Engine.Tests.Reset;

using AadstsTools.GraphEmulator;
using AadstsTools.GraphEmulator.Faults;

/// <summary>Password resets through the real gateway against the emulator.</summary>
public class ResetEmulatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task One_reset_is_recorded_with_the_flags_asked_for()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions { RequireMfaBeforeChange = true, RevokeSessions = true }, output, "alice.ready@contoso.com");

        var result = Assert.Single(output.ObjectsOf<PasswordResetResult>());
        Assert.Equal(ResetStatus.Reset, result.Status);
        Assert.True(result.SessionsRevoked);
        var alice = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com");
        var sent = Assert.Single(alice.PasswordResets);
        Assert.True(sent.ForceChangePasswordNextSignIn);
        Assert.True(sent.ForceChangePasswordNextSignInWithMfa);
        Assert.Single(alice.SessionRevocations);
        Assert.Equal(sent.Password, Plain(result.Password!));
        Assert.Equal(16, sent.Password!.Length);
        Assert.Null(result.PlainTextPassword);
        Assert.Equal(("alice.ready@contoso.com", "Reset password, must change at next sign-in, MFA before the change, revoke sessions"), Assert.Single(output.ShouldProcessCalls));
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task What_if_sends_no_write()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var output = new RecordingOutput(shouldProcess: (_, _) => false);

        await Reset(harness, new ResetOptions { RevokeSessions = true }, output, "alice.ready@contoso.com", "bob.expired@contoso.com");

        Assert.All(output.ObjectsOf<PasswordResetResult>(), r => Assert.Equal(ResetStatus.WhatIf, r.Status));
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Method == "PATCH" || r.Path.EndsWith("revokeSignInSessions", StringComparison.Ordinal));
        Assert.All(harness.Emulator.Tenant.Users, u => Assert.Empty(u.PasswordResets));
    }

    [Fact]
    public async Task A_given_password_is_set_as_given_and_checked_against_the_users_names()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions { NewPassword = EmulatorHarness.Secure("Vx9#mQ2!tLr7&Kp") }, output, "carol.expiring@contoso.com");
        Assert.Equal("Vx9#mQ2!tLr7&Kp", harness.Emulator.Tenant.GetUser("carol.expiring@contoso.com").PasswordResets.Single().Password);

        var second = new RecordingOutput();
        await Reset(harness, new ResetOptions { NewPassword = EmulatorHarness.Secure("Carol#Expiring77") }, second, "carol.expiring@contoso.com");
        var rejected = Assert.Single(second.ObjectsOf<PasswordResetResult>());
        Assert.Equal(ResetStatus.Failed, rejected.Status);
        Assert.Equal("InvalidData", rejected.ErrorKind);
        Assert.Single(harness.Emulator.Tenant.GetUser("carol.expiring@contoso.com").PasswordResets);
        Assert.DoesNotContain("Carol#Expiring77", string.Join(" ", second.AllText()));
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_is_refused_before_any_graph_call()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        harness.Emulator.ClearRequests();

        var ex = Assert.Throws<ArgumentException>(() => new ResetRunner(harness.Gateway, new ResetOptions { NewPassword = EmulatorHarness.Secure("short") }));

        Assert.Contains("-NewPassword", ex.Message);
        Assert.DoesNotContain("short", ex.Message.Replace("-NewPassword", string.Empty));
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task Graph_rejections_are_mapped_to_kinds_and_every_input_has_one_result()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        harness.Emulator.Options.CallerRoles = new[] { "User Administrator" };
        var output = new RecordingOutput();
        string[] inputs = { "alice.ready@contoso.com", "ghost@contoso.com", "mia.admin@contoso.com", "not a user", "", "ivan.federated@fabrikam.com", "kim_partner.example#EXT#@contoso.onmicrosoft.com" };

        await Reset(harness, new ResetOptions { NewPassword = EmulatorHarness.Secure("Contoso1!") }, output, inputs);

        var results = output.ObjectsOf<PasswordResetResult>();
        Assert.Equal(inputs, results.Select(r => r.Input));
        Assert.Equal("InvalidData", results[0].ErrorKind);
        Assert.Contains("complexity", results[0].Message);
        Assert.Equal("ObjectNotFound", results[1].ErrorKind);
        Assert.Equal("PermissionDenied", results[2].ErrorKind);
        Assert.Contains("Privileged Authentication Administrator", results[2].Message);
        Assert.Equal("InvalidArgument", results[3].ErrorKind);
        Assert.Equal("InvalidArgument", results[4].ErrorKind);
        Assert.Equal(ResetStatus.Skipped, results[5].Status);
        Assert.Equal("Federated", results[5].ErrorKind);
        Assert.Equal(ResetStatus.Skipped, results[6].Status);
        Assert.Equal("Guest", results[6].ErrorKind);
        Assert.Equal(5, output.Errors.Count);
        Assert.Contains(output.Errors, e => e.Kind == ErrorKind.PermissionDenied && e.RecommendedAction!.Contains("User Administrator"));
        Assert.Empty(harness.Emulator.Tenant.GetUser("ivan.federated@fabrikam.com").PasswordResets);
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Method == "PATCH" && r.Path.Contains(harness.Emulator.Tenant.GetUser("ivan.federated@fabrikam.com").Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synced_users_are_reset_with_a_warning()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions(), output, "grace.synced@contoso.com");

        Assert.Equal(ResetStatus.Reset, Assert.Single(output.ObjectsOf<PasswordResetResult>()).Status);
        Assert.Contains(output.Warnings, w => w.Contains("synced from on-premises", StringComparison.Ordinal) && w.Contains("writeback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_user_twice_is_reset_once()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        string id = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com").Id;
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions(), output, "alice.ready@contoso.com", id);

        var results = output.ObjectsOf<PasswordResetResult>();
        Assert.Equal(ResetStatus.Reset, results[0].Status);
        Assert.Equal(ResetStatus.Skipped, results[1].Status);
        Assert.Equal("Duplicate", results[1].ErrorKind);
        Assert.Single(harness.Emulator.Tenant.GetUser(id).PasswordResets);
    }

    [Fact]
    public async Task Force_change_only_sets_no_password()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var alice = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com");
        var before = alice.LastPasswordChangeDateTime;
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions { ForceChangeOnly = true }, output, "alice.ready@contoso.com");

        var result = Assert.Single(output.ObjectsOf<PasswordResetResult>());
        Assert.Equal(ResetStatus.Reset, result.Status);
        Assert.Null(result.Password);
        Assert.True(alice.ForceChangePasswordNextSignIn);
        Assert.Equal(before, alice.LastPasswordChangeDateTime);
        Assert.Null(Assert.Single(alice.PasswordResets).Password);
    }

    [Fact]
    public async Task Plain_text_is_given_only_when_asked_and_warned_once()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions { AsPlainText = true, AvoidLookAlikes = true, Length = 20 }, output, "alice.ready@contoso.com", "carol.expiring@contoso.com");

        var results = output.ObjectsOf<PasswordResetResult>();
        Assert.All(results, r => Assert.Equal(harness.Emulator.Tenant.GetUser(r.UserId!).PasswordResets.Single().Password, r.PlainTextPassword));
        Assert.All(results, r => Assert.Equal(20, r.PlainTextPassword!.Length));
        Assert.Single(output.Warnings, w => w.Contains("-AsPlainText", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttled_and_failed_sub_requests_in_a_big_batch_all_resolve()
    {
        var options = new EmulatorOptions { Throttle = new ThrottleLimit(30, TimeSpan.FromMilliseconds(200)), RetryAfterSeconds = 0.05, TransientFailureRate = 0.05, TransientRetryAfterSeconds = 0.01, RandomSeed = 4 };
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.Generate(300, seed: 13), options, maxRetries: 30);
        var users = AadstsTools.Engine.Tests.Graph.GatewayEmulatorTests.Resettable(harness.Emulator.Tenant).Select(u => u.UserPrincipalName).ToList();
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions { SetSize = 100 }, output, users.ToArray());

        var results = output.ObjectsOf<PasswordResetResult>();
        Assert.Equal(users.Count, results.Count);
        Assert.All(results, r => Assert.Equal(ResetStatus.Reset, r.Status));
        Assert.Contains(harness.Emulator.Requests, r => r.InBatch && r.Status == 429);
        Assert.All(users, u => Assert.Single(harness.Emulator.Tenant.GetUser(u).PasswordResets));
    }

    [Fact]
    public async Task A_journal_lets_a_rerun_skip_the_users_already_done()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        string journal = _dir.File_("reset.jsonl");

        await Reset(harness, new ResetOptions { JournalPath = journal }, new RecordingOutput(), "alice.ready@contoso.com", "carol.expiring@contoso.com");
        var second = new RecordingOutput();
        await Reset(harness, new ResetOptions { JournalPath = journal }, second, "alice.ready@contoso.com", "carol.expiring@contoso.com", "bob.expired@contoso.com");

        var results = second.ObjectsOf<PasswordResetResult>();
        Assert.Equal(new[] { ResetStatus.Skipped, ResetStatus.Skipped, ResetStatus.Reset }, results.Select(r => r.Status));
        Assert.All(results.Take(2), r => Assert.Equal("AlreadyDone", r.ErrorKind));
        Assert.Single(harness.Emulator.Tenant.GetUser("alice.ready@contoso.com").PasswordResets);
        Assert.Single(harness.Emulator.Tenant.GetUser("bob.expired@contoso.com").PasswordResets);
    }

    [Fact]
    public async Task Users_whose_outcome_is_unknown_are_reported_and_reset_only_when_asked()
    {
        await using var fresh = await EmulatorHarness.StartFixtureAsync();
        string journal = _dir.File_("reset.jsonl");

        // What a run killed between sending and hearing back leaves behind: the intent, no outcome.
        using (var killed = AadstsTools.Journal.ResetJournal.Open(journal))
        {
            killed.Append(AadstsTools.Journal.JournalEntry.Intended("alice.ready@contoso.com", fresh.Emulator.Tenant.GetUser("alice.ready@contoso.com").Id));
        }

        var rerun = new RecordingOutput();
        await Reset(fresh, new ResetOptions { JournalPath = journal }, rerun, "alice.ready@contoso.com");
        var unknown = Assert.Single(rerun.ObjectsOf<PasswordResetResult>());
        Assert.Equal("OutcomeUnknown", unknown.ErrorKind);
        Assert.Contains(rerun.Warnings, w => w.Contains("unknown", StringComparison.Ordinal));
        Assert.Empty(fresh.Emulator.Tenant.GetUser("alice.ready@contoso.com").PasswordResets);

        var forced = new RecordingOutput();
        await Reset(fresh, new ResetOptions { JournalPath = journal, ResetUnknown = true }, forced, "alice.ready@contoso.com");
        Assert.Equal(ResetStatus.Reset, Assert.Single(forced.ObjectsOf<PasswordResetResult>()).Status);
    }

    [Fact]
    public async Task No_password_appears_in_the_journal_messages_or_errors()
    {
        var options = new EmulatorOptions { CallerRoles = new[] { "User Administrator" } };
        await using var harness = await EmulatorHarness.StartFixtureAsync(options);
        string journal = _dir.File_("reset.jsonl");
        var output = new RecordingOutput();

        await Reset(harness, new ResetOptions { JournalPath = journal, RevokeSessions = true }, output,
            "alice.ready@contoso.com", "bob.expired@contoso.com", "mia.admin@contoso.com", "ghost@contoso.com", "paul.justreset@contoso.com");

        var passwords = harness.Emulator.Tenant.Users.SelectMany(u => u.PasswordResets).Select(r => r.Password).Where(p => p != null).ToList();
        Assert.NotEmpty(passwords);
        string journalText = File.ReadAllText(journal, Encoding.UTF8);
        string everything = journalText + string.Join("\n", output.AllText().Where(t => !t.StartsWith("AadstsTools.PasswordResetResult", StringComparison.Ordinal)));
        foreach (string password in passwords!)
        {
            Assert.DoesNotContain(password!, everything);
        }

        Assert.Contains("\"done\"", journalText);
        Assert.Contains("\"failed\"", journalText);
    }

    private static async Task Reset(EmulatorHarness harness, ResetOptions options, IEngineOutput output, params string[] users)
    {
        using var runner = new ResetRunner(harness.Gateway, options, harness.Connection.PermissionGap);
        await runner.RunAsync(users, output);
    }

    private static string Plain(System.Security.SecureString value)
    {
        char[] chars = SecureStringChars.ToChars(value);
        try
        {
            return new string(chars);
        }
        finally
        {
            Array.Clear(chars);
        }
    }
}
