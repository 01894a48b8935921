using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using AadstsTools.SignIns.Analysis;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>aadsts triage for people: failures as a table written as they come, or the summary with its patterns.</summary>
    internal static class TriageText
    {
        /// <summary>Writes failures one by one (text rows, or the elements of one JSON array) so nothing waits for the end of the file.</summary>
        internal sealed class FailureStream
        {
            private const int TimeWidth = 18, CodeWidth = 14, UserWidth = 30, AppWidth = 24, IpWidth = 17;
            private readonly TextWriter _writer;
            private readonly bool _json;
            private long _count;

            public FailureStream(TextWriter writer, bool json)
            {
                _writer = writer;
                _json = json;
            }

            public void Write(SignInFailure failure)
            {
                if (_json)
                {
                    _writer.Write(_count == 0 ? "[\n" : ",\n");
                    _writer.Write(JsonSerializer.Serialize(failure, CliJson.Context.SignInFailure));
                }
                else
                {
                    if (_count == 0)
                    {
                        _writer.WriteLine($"{"Time (UTC)",-TimeWidth}{"Code",-CodeWidth}{Col("User", UserWidth)}{Col("App", AppWidth)}{"IP address",-IpWidth}Reason");
                    }

                    string code = failure.Succeeded ? "Success" : failure.Code;
                    string reason = failure.Title ?? failure.FailureReason ?? string.Empty;
                    _writer.WriteLine($"{failure.TimeUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-TimeWidth}{code,-CodeWidth}{Col(failure.User, UserWidth)}{Col(failure.App, AppWidth)}{Col(failure.IpAddress, IpWidth)}{reason}");
                }

                _count++;
            }

            public void End(SignInTriageResult result)
            {
                if (_json)
                {
                    _writer.WriteLine(_count == 0 ? "[]" : "\n]");
                    return;
                }

                if (_count > 0)
                {
                    _writer.WriteLine();
                }

                string left = LeftOut(result);
                _writer.WriteLine($"{Plural(_count, "failure")} of {Plural(result.Seen, "sign-in")}{left}. 'aadsts triage --summary' gives one row per code with the patterns found; 'aadsts explain <code>' the full guidance.");
            }
        }

        public static void WriteSummary(TextWriter writer, SignInTriageResult result, SignInGroupBy groupBy, int width)
        {
            var rows = result.Summaries;
            string keyLabel = groupBy switch { SignInGroupBy.User => "User", SignInGroupBy.App => "App", SignInGroupBy.IP => "IP address", _ => "Code" };
            int keyWidth = groupBy == SignInGroupBy.Code ? 14 : Math.Min(36, Math.Max(12, rows.Select(r => r.Key.Length + 2).DefaultIfEmpty(12).Max()));
            string codeLabel = groupBy == SignInGroupBy.Code ? "Name" : "Top code";
            const int nameWidth = 34;
            writer.WriteLine($"{Col(keyLabel, keyWidth)}{"Count",7} {"Users",6} {"Apps",5} {"IPs",5}  {"First (UTC)",-18}{"Last (UTC)",-18}{Col(codeLabel, nameWidth)}Patterns");
            foreach (SignInFailureSummary row in rows)
            {
                string name = groupBy == SignInGroupBy.Code ? row.Title ?? string.Empty
                    : (row.Code is > 0 ? "AADSTS" + row.Code.Value.ToString(CultureInfo.InvariantCulture) + " " : string.Empty) + (row.Title ?? string.Empty);
                string capped = row.DistinctCountsCapped ? "+" : " ";
                writer.WriteLine($"{Col(row.Key, keyWidth)}{row.Count,7:N0} {row.DistinctUsers,5:N0}{capped}{row.DistinctApps,5:N0} {row.DistinctIps,5:N0}  {Time(row.FirstSeenUtc),-18}{Time(row.LastSeenUtc),-18}{Col(name, nameWidth)}{row.FlagText}".TrimEnd());
            }

            writer.WriteLine();
            writer.WriteLine($"{Plural(rows.Sum(r => r.Count), "failure")} of {Plural(result.Seen, "sign-in")} in {Plural(rows.Count, "row")}{LeftOut(result)}. Sorted by users affected, then count.");
            var text = new TextBlock(writer, width);
            if (result.Flags.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("Patterns found:");
                foreach (SignInPatternFlag flag in result.Flags)
                {
                    text.Wrapped(flag.Reason, $"  ! {flag.Kind}: ", "      ");
                }
            }

            var fixes = rows.Where(r => r.FixCommand != null && r.Code is > 0).GroupBy(r => r.Code).Select(g => g.First()).Take(10).ToList();
            if (fixes.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("Fix commands (adapt the placeholders; 'aadsts explain <code>' tells more):");
                foreach (SignInFailureSummary row in fixes)
                {
                    writer.WriteLine($"  AADSTS{row.Code!.Value.ToString(CultureInfo.InvariantCulture),-9} {row.FixCommand}");
                }
            }
        }

        private static string LeftOut(SignInTriageResult result)
        {
            var parts = new List<string>();
            if (result.SuccessesLeftOut > 0)
            {
                parts.Add($"{result.SuccessesLeftOut:N0} successful (--include-success)");
            }

            if (result.BenignLeftOut > 0)
            {
                parts.Add($"{result.BenignLeftOut:N0} expected interrupts (--include-benign)");
            }

            if (result.OutsideWindow + result.FilteredOut > 0)
            {
                parts.Add($"{result.OutsideWindow + result.FilteredOut:N0} outside the filters");
            }

            return parts.Count == 0 ? string.Empty : "; left out: " + string.Join(", ", parts);
        }

        private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static string Plural(long count, string noun) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

        private static string Col(string? text, int width) => Fit(text, width - 1).PadRight(width);

        private static string Fit(string? text, int width)
        {
            string oneLine = (text ?? string.Empty).Replace('\n', ' ').Replace('\r', ' ');
            return oneLine.Length <= width ? oneLine : oneLine.Substring(0, Math.Max(0, width - 3)) + "...";
        }
    }
}
