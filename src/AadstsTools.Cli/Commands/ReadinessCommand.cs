using System;
using System.CommandLine;
using System.Linq;
using AadstsTools.Cli.Rendering;
using AadstsTools.Connection;
using AadstsTools.Readiness;

namespace AadstsTools.Cli.Commands
{
    /// <summary>aadsts readiness: can these users sign in, and if not, what to do.</summary>
    internal static class ReadinessCommand
    {
        public static Command Create(CliConsole console)
        {
            var users = new UserInputOptions();
            var graph = new GraphOptions();
            var checks = new Option<ReadinessCheck[]>("--check") { Description = "Only these checks: " + string.Join(", ", Enum.GetNames(typeof(ReadinessCheck))) + ".", AllowMultipleArgumentsPerToken = true };
            var days = new Option<int>("--days") { Description = "Days of sign-in log to read (1-30).", DefaultValueFactory = _ => 7 };
            var json = GuidanceCommands.JsonOption();
            var verbose = GuidanceCommands.VerboseOption();
            var command = new Command("readiness", "Check whether users can sign in (exists, enabled, password expiry, sync, federation, SSPR and MFA registration, recent failures).");
            users.AddTo(command);
            command.Add(checks);
            command.Add(days);
            command.Add(json);
            command.Add(verbose);
            graph.AddTo(command);
            command.SetAction(async (parse, cancellation) =>
            {
                int window = parse.GetValue(days);
                if (window < 1 || window > 30)
                {
                    console.Error.WriteLine($"error: --days must be between 1 and 30 (got {window}).");
                    return ExitCodes.UsageError;
                }

                return await GraphCommandRunner.RunAsync(console, graph, parse, parse.GetValue(verbose), cancellation, async (connection, output) =>
                {
                    var inputs = users.Read(parse).ToList();
                    GuidanceCommands.TryService(console, null, out var guidance);
                    var runner = new ReadinessRunner(connection.Gateway, guidance!.Catalog, new ReadinessOptions { Checks = parse.GetValue(checks), Days = window }, connection.PermissionGap);
                    var writer = ReadinessWriter.For(console, parse.GetValue(json), detail: inputs.Count == 1);
                    int blocked = 0;
                    output.OnObject = item =>
                    {
                        var result = (SignInReadiness)item;
                        blocked += result.Verdict == ReadinessVerdict.Blocked || result.Verdict == ReadinessVerdict.Unknown ? 1 : 0;
                        writer.Write(result);
                    };
                    writer.Begin();
                    await runner.RunAsync(inputs, output).ConfigureAwait(false);
                    writer.End();
                    return blocked > 0 || output.ErrorCount > 0 ? ExitCodes.InputError : ExitCodes.Success;
                }).ConfigureAwait(false);
            });
            return command;
        }
    }
}
