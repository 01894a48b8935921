using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Cli.Rendering;
using AadstsTools.Lookup;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Analysis;
using AadstsTools.SignIns.Files;

namespace AadstsTools.Cli.Commands
{
    /// <summary>triage: failed sign-ins of a downloaded sign-in log, one by one or summarised with the patterns found.</summary>
    internal static class TriageCommands
    {
        public static Command Triage(CliConsole console)
        {
            var files = new Option<string[]>("--file", "-f")
            {
                Description = "The sign-in log downloaded from the Entra admin center (CSV or JSON; interactive, non-interactive, application or managed-identity). Repeat for several files.",
                AllowMultipleArgumentsPerToken = true,
            };
            var summary = new Option<bool>("--summary", "-s") { Description = "One row per code (count, users, apps, first and last seen, fix command) with the patterns found." };
            var groupBy = new Option<string?>("--group-by", "-g") { Description = "Summarise per code, user, app or ip (implies --summary)." };
            groupBy.AcceptOnlyFromAmong("code", "user", "app", "ip");
            var includeBenign = new Option<bool>("--include-benign") { Description = "Also report expected interrupts (50058, 50140 and the other codes the catalog marks benign)." };
            var includeSuccess = new Option<bool>("--include-success") { Description = "Also report successful sign-ins." };
            var codes = new Option<string[]>("--code", "-c") { Description = "Only these codes (50126 or AADSTS50126).", AllowMultipleArgumentsPerToken = true };
            var users = new Option<string[]>("--user", "-u") { Description = "Only these users (UPN or object id).", AllowMultipleArgumentsPerToken = true };
            var apps = new Option<string[]>("--app", "-a") { Description = "Only these apps (app id or name).", AllowMultipleArgumentsPerToken = true };
            var since = new Option<string?>("--since") { Description = "Only sign-ins since a time: 24h, 7d, 90m, or a date (2026-11-20T08:00Z). Without --file, Microsoft Graph is read (default: the last 24h)." };
            var days = new Option<int?>("--days", "-d") { Description = "Only sign-ins of the last N days." };
            var dateOrder = new Option<string?>("--date-order") { Description = "How to read dates like 05/06/2026 in re-saved files: auto (default), day-first or month-first." };
            dateOrder.AcceptOnlyFromAmong("auto", "day-first", "month-first");
            var json = GuidanceCommands.JsonOption();
            var overlay = GuidanceCommands.OverlayOption();
            var verbose = GuidanceCommands.VerboseOption();
            var graph = new GraphOptions();
            var command = new Command("triage", "What is failing across the tenant: failed sign-ins from Microsoft Graph (default: the last 24 hours) or from a downloaded sign-in log (--file), with their fixes, or a summary with the patterns found (spikes, password spray, stale credentials, lockouts).")
            {
                files, summary, groupBy, includeBenign, includeSuccess, codes, users, apps, since, days, dateOrder, json, overlay, verbose,
            };
            graph.AddTo(command);
            command.SetAction(async (parse, cancellation) =>
            {
                string[] paths = parse.GetValue(files) ?? Array.Empty<string>();
                if (!TryWindow(console, parse.GetValue(since), parse.GetValue(days), out DateTimeOffset? from)
                    || !TryCodes(console, parse.GetValue(codes), out int[] codeList)
                    || !GuidanceCommands.TryService(console, parse.GetValue(overlay), out GuidanceService? service))
                {
                    return ExitCodes.InputError;
                }

                string? group = parse.GetValue(groupBy);
                var options = new SignInTriageOptions
                {
                    Summary = parse.GetValue(summary) || group != null,
                    GroupBy = group == null ? SignInGroupBy.Code : (SignInGroupBy)Enum.Parse(typeof(SignInGroupBy), group, ignoreCase: true),
                    IncludeBenign = parse.GetValue(includeBenign),
                    IncludeSuccess = parse.GetValue(includeSuccess),
                    ErrorCodes = codeList,
                    UserIds = parse.GetValue(users),
                    AppIds = parse.GetValue(apps),
                    Since = from,
                };
                if (paths.Length == 0)
                {
                    // No file: read Microsoft Graph's sign-in log, by default the last 24 hours.
                    var graphOptions = options with { Since = options.Since ?? DateTimeOffset.UtcNow.AddDays(-1) };
                    return await GraphCommandRunner.RunAsync(console, graph, parse, parse.GetValue(verbose), cancellation, async (connection, output) =>
                    {
                        var queries = GraphSignInReader.Queries(graphOptions.Since!.Value, null, graphOptions);
                        return await RunAsync(console, graphOptions, service!, parse.GetValue(json), output,
                            triage => GraphSignInReader.ReadAsync(connection.Gateway, triage, queries, output)).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                }

                var fileOptions = new SignInFileOptions { DateOrder = ParseDateOrder(parse.GetValue(dateOrder)) };
                var fileOutput = new ConsoleEngineOutput(console, parse.GetValue(verbose), cancellation);
                return await RunAsync(console, options, service!, parse.GetValue(json), fileOutput, triage =>
                {
                    foreach (string path in paths)
                    {
                        triage.AddRange(SignInFileReader.ReadAndReport(path, fileOutput, fileOptions));
                    }

                    return Task.FromResult(true);
                }).ConfigureAwait(false);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, SignInTriageOptions options, GuidanceService service, bool json, ConsoleEngineOutput output, Func<SignInTriage, Task<bool>> read)
        {
            var failures = new TriageText.FailureStream(console.Out, json);
            if (!options.Summary)
            {
                output.OnObject = item => failures.Write((SignInFailure)item);
            }

            var triage = new SignInTriage(service, options, output);
            await read(triage).ConfigureAwait(false);
            SignInTriageResult result = triage.Complete();
            if (options.Summary)
            {
                if (json)
                {
                    CliJson.Write(console.Out, new TriageSummaryJson(options.GroupBy, result), CliJson.Context.TriageSummaryJson);
                }
                else
                {
                    TriageText.WriteSummary(console.Out, result, options.GroupBy, console.Width);
                }
            }
            else
            {
                failures.End(result);
            }

            return output.ErrorCount > 0 ? ExitCodes.InputError : ExitCodes.Success;
        }

        /// <summary>--since (24h, 7d, 90m or a date) or --days, as the earliest time to keep.</summary>
        internal static bool TryWindow(CliConsole console, string? since, int? days, out DateTimeOffset? from)
        {
            from = null;
            if (days.HasValue)
            {
                if (days.Value < 1)
                {
                    console.Error.WriteLine($"error: --days is {days.Value}; expected a number of days, 1 or more.");
                    return false;
                }

                from = DateTimeOffset.UtcNow.AddDays(-days.Value);
            }

            if (since == null)
            {
                return true;
            }

            string text = since.Trim();
            if (text.Length >= 2 && double.TryParse(text.Substring(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) && amount > 0)
            {
                TimeSpan? span = char.ToLowerInvariant(text[text.Length - 1]) switch
                {
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'd' => TimeSpan.FromDays(amount),
                    _ => null,
                };
                if (span.HasValue)
                {
                    from = Later(from, DateTimeOffset.UtcNow - span.Value);
                    return true;
                }
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at))
            {
                from = Later(from, at);
                return true;
            }

            console.Error.WriteLine($"error: --since '{since}' is neither a duration (24h, 7d, 90m) nor a date (2026-11-20T08:00Z).");
            return false;
        }

        private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a.HasValue && a.Value > b ? a.Value : b;

        private static bool TryCodes(CliConsole console, string[]? values, out int[] codes)
        {
            var list = new List<int>();
            foreach (string value in (values ?? Array.Empty<string>()).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0))
            {
                string digits = value.StartsWith("AADSTS", StringComparison.OrdinalIgnoreCase) ? value.Substring(6) : value;
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                {
                    console.Error.WriteLine($"error: --code '{value}' is not an AADSTS code; expected a number such as 50126.");
                    codes = Array.Empty<int>();
                    return false;
                }

                list.Add(code);
            }

            codes = list.ToArray();
            return true;
        }

        private static SignInDateOrder ParseDateOrder(string? value) => (value ?? "auto").Replace("-", string.Empty).ToLowerInvariant() switch
        {
            "dayfirst" => SignInDateOrder.DayFirst,
            "monthfirst" => SignInDateOrder.MonthFirst,
            _ => SignInDateOrder.Auto,
        };
    }
}
