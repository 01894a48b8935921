using System.Collections.Generic;
using System.IO;
using System.Linq;
using AadstsTools.Catalog;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>Guidance for people: the full explanation, or a one-line-per-code table.</summary>
    internal static class GuidanceText
    {
        public static void WriteDetail(TextWriter writer, IReadOnlyList<AadstsTools.Guidance> items, int width)
        {
            var text = new TextBlock(writer, width);
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    text.Line(new string('-', System.Math.Min(width, 60)));
                }

                Write(text, items[i]);
            }
        }

        public static void WriteTable(TextWriter writer, IReadOnlyList<AadstsTools.Guidance> items, int width)
        {
            const int codeWidth = 14, nameWidth = 40, categoryWidth = 22;
            writer.WriteLine($"{"Code",-codeWidth}{"Name",-nameWidth}{"Category",-categoryWidth}Summary");
            int summaryWidth = System.Math.Max(20, width - codeWidth - nameWidth - categoryWidth);
            foreach (AadstsTools.Guidance item in items)
            {
                string name = Fit(item.Name ?? (item.Code.HasValue ? "-" : item.Title), nameWidth - 1);
                writer.WriteLine($"{item.Id,-codeWidth}{name,-nameWidth}{item.CategoryName,-categoryWidth}{Fit(item.Summary, summaryWidth)}");
            }

            writer.WriteLine();
            writer.WriteLine(items.Count == 1 ? "1 entry." : $"{items.Count} entries.");
        }

        private static void Write(TextBlock text, AadstsTools.Guidance g)
        {
            string heading = g.Code.HasValue ? g.Id + (g.Name != null ? "  " + g.Name : string.Empty) : g.Title + "  (" + g.Id + ")";
            text.Line($"{heading}  [{g.CategoryName}]");
            if (g.Message != null)
            {
                text.Wrapped(g.Message, "  Message:        ", "                  ");
            }

            Field(text, "OAuth error:", g.OAuthError);
            Field(text, "Trace ID:", g.TraceId);
            Field(text, "Correlation ID:", g.CorrelationId);
            Field(text, "Timestamp:", g.Timestamp);
            Field(text, "User:", g.UserPrincipalName);
            Field(text, "Application:", g.AppDisplayName);
            text.Line();
            text.Wrapped(g.Summary);
            text.Line();
            string retry = g.RetryMayHelp ? "yes" : "no";
            text.Line($"Who can fix it: {g.FixedByText}    Retry may help: {retry}" + (g.Benign ? "    Expected interrupt: yes" : string.Empty));
            Section(text, "Likely causes:", g.Causes);
            Section(text, "How to diagnose:", g.Diagnosis);
            Section(text, "What the user can do:", g.UserSteps, numbered: true);
            Section(text, "What an admin can do:", g.AdminSteps, numbered: true);
            if (g.RelatedCommands.Count > 0)
            {
                text.Line();
                text.Line("Commands:");
                foreach (RelatedCommand command in g.RelatedCommands)
                {
                    text.Line("  " + command.CommandLine);
                    text.Wrapped(command.Purpose, "      ");
                }
            }

            var links = g.Links.Select(l => $"{l.Title}: {l.Url}").ToList();
            if (g.LookupUrl != null)
            {
                links.Add("Microsoft's lookup page: " + g.LookupUrl);
            }

            Section(text, "Learn more:", links);
            if (g.SeeAlso.Count > 0)
            {
                text.Line();
                text.Line("See also: " + string.Join(", ", g.SeeAlso.Select(s => s.All(char.IsDigit) ? "AADSTS" + s : s)));
            }

            if (g.OverlaySources.Count > 0)
            {
                text.Line("(amended by " + string.Join(", ", g.OverlaySources) + ")");
            }
        }

        private static void Field(TextBlock text, string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Line($"  {label,-16}{value}");
            }
        }

        private static void Section(TextBlock text, string heading, IReadOnlyList<string> items, bool numbered = false)
        {
            if (items.Count > 0)
            {
                text.Line();
                text.Bullets(heading, items, numbered);
            }
        }

        private static string Fit(string text, int width)
        {
            string oneLine = text.Replace('\n', ' ').Replace('\r', ' ');
            return oneLine.Length <= width ? oneLine : oneLine.Substring(0, System.Math.Max(0, width - 3)) + "...";
        }
    }
}
