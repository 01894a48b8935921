using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using AadstsTools.Cli.Rendering;
using AadstsTools.Reset;

namespace AadstsTools.Cli.Commands
{
    /// <summary>aadsts reset: admin password reset through Graph, with a journal for resumable bulk runs.</summary>
    internal static class ResetCommand
    {
        public static Command Create(CliConsole console)
        {
            var users = new UserInputOptions();
            var graph = new GraphOptions();
            var journal = new Option<FileInfo?>("--journal") { Description = "Journal every state change to this file; a re-run resumes from it." };
            var whatIf = new Option<bool>("--what-if") { Description = "Show what would be reset; change nothing." };
            var yes = new Option<bool>("--yes", "-y") { Description = "Reset without asking (needed when input is not a terminal)." };
            var showPasswords = new Option<bool>("--show-passwords") { Description = "Include the new passwords in the output (plain text)." };
            var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
            var outFile = new Option<FileInfo?>("--out") { Description = "Write the results to this file instead of standard output." };
            var length = new Option<int>("--length") { Description = "Length of generated passwords (8-256).", DefaultValueFactory = _ => 16 };
            var readable = new Option<bool>("--avoid-look-alikes") { Description = "Generate passwords without look-alike characters." };
            var noForce = new Option<bool>("--no-force-change") { Description = "Don't force a change at the next sign-in (not recommended)." };
            var mfa = new Option<bool>("--require-mfa") { Description = "The user completes MFA before choosing the new password." };
            var revoke = new Option<bool>("--revoke-sessions") { Description = "Revoke sign-in sessions after each reset." };
            var forceOnly = new Option<bool>("--force-change-only") { Description = "Set no password; only force a change at the next sign-in." };
            var resetUnknown = new Option<bool>("--reset-unknown") { Description = "Reset again users whose outcome the journal can't tell." };
            var verbose = GuidanceCommands.VerboseOption();
            var command = new Command("reset", "Reset users' passwords (generated, forced change at next sign-in) through Microsoft Graph.");
            users.AddTo(command);
            foreach (Option option in new Option[] { journal, whatIf, yes, showPasswords, format, outFile, length, readable, noForce, mfa, revoke, forceOnly, resetUnknown, verbose })
            {
                command.Add(option);
            }

            graph.AddTo(command);
            command.SetAction(async (parse, cancellation) =>
            {
                bool dryRun = parse.GetValue(whatIf);
                bool confirmed = parse.GetValue(yes);
                if (!dryRun && !confirmed && Console.IsInputRedirected)
                {
                    console.Error.WriteLine("error: resetting passwords needs --yes when the input is not a terminal (or --what-if to preview).");
                    return ExitCodes.UsageError;
                }

                return await GraphCommandRunner.RunAsync(console, graph, parse, parse.GetValue(verbose), cancellation, async (connection, output) =>
                {
                    var inputs = users.Read(parse);
                    var options = new ResetOptions
                    {
                        JournalPath = parse.GetValue(journal)?.FullName,
                        Length = parse.GetValue(length),
                        AvoidLookAlikes = parse.GetValue(readable),
                        ForceChangePasswordNextSignIn = !parse.GetValue(noForce),
                        RequireMfaBeforeChange = parse.GetValue(mfa),
                        RevokeSessions = parse.GetValue(revoke),
                        ForceChangeOnly = parse.GetValue(forceOnly),
                        ResetUnknown = parse.GetValue(resetUnknown),
                    };
                    FileInfo? target = parse.GetValue(outFile);
                    using TextWriter destination = target == null ? TextWriter.Synchronized(console.Out) : new StreamWriter(target.FullName, append: false);
                    using ResetWriter writer = ResetWriter.For(parse.GetValue(format) ?? "table", destination);
                    bool show = parse.GetValue(showPasswords);
                    int failed = 0;
                    bool? answer = dryRun ? false : confirmed ? true : (bool?)null;
                    var prompting = new ConsoleEngineOutput(console, parse.GetValue(verbose), cancellation, (user, action) => answer ??= Ask(console, action));
                    prompting.OnObject = item =>
                    {
                        var result = (PasswordResetResult)item;
                        failed += result.Status == ResetStatus.Failed ? 1 : 0;
                        writer.Write(ResetRow.From(result, show));
                    };

                    using var runner = new ResetRunner(connection.Gateway, options, connection.PermissionGap);
                    writer.Begin();
                    await runner.RunAsync(inputs, prompting).ConfigureAwait(false);
                    writer.End();
                    if (show && target == null && parse.GetValue(format) != "table")
                    {
                        console.Error.WriteLine("warning: the output holds plain-text passwords.");
                    }

                    return failed > 0 || prompting.ErrorCount > 0 ? ExitCodes.InputError : ExitCodes.Success;
                }).ConfigureAwait(false);
            });
            return command;
        }

        /// <summary>Asks once for the whole run (per-user prompts would not scale to a bulk reset).</summary>
        private static bool Ask(CliConsole console, string action)
        {
            console.Error.Write($"{action} for every user given? [y/N] ");
            string? reply = console.In.ReadLine();
            return reply != null && (reply.Trim().Equals("y", StringComparison.OrdinalIgnoreCase) || reply.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase));
        }
    }
}
