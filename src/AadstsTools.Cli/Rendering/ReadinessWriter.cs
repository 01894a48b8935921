using System.Linq;
using System.Text.Json;
using AadstsTools.Readiness;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>Readiness results as they come: a table row per user, every check for a single user, or a JSON array.</summary>
    internal abstract class ReadinessWriter
    {
        public static ReadinessWriter For(CliConsole console, bool json, bool detail) =>
            json ? new JsonWriter(console) : detail ? new DetailWriter(console) : new TableWriter(console);

        public virtual void Begin()
        {
        }

        public abstract void Write(SignInReadiness result);

        public virtual void End()
        {
        }

        private sealed class TableWriter(CliConsole console) : ReadinessWriter
        {
            public override void Begin() => console.Out.WriteLine($"{"User",-40}{"Verdict",-9}{"Codes",-20}Summary");

            public override void Write(SignInReadiness result)
            {
                string user = result.UserPrincipalName ?? result.Input;
                string codes = string.Join(",", result.PredictedCodes);
                console.Out.WriteLine($"{Fit(user, 39),-40}{result.Verdict,-9}{Fit(codes, 19),-20}{result.Summary}");
            }

            private static string Fit(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 3) + "...";
        }

        private sealed class DetailWriter(CliConsole console) : ReadinessWriter
        {
            public override void Write(SignInReadiness result)
            {
                var text = new TextBlock(console.Out, console.Width);
                text.Line($"{result.UserPrincipalName ?? result.Input}: {result.Verdict}");
                foreach (var check in result.Checks)
                {
                    text.Wrapped($"[{check.Status}] {check.Check}: {check.Detail}", "  ", "      ");
                    if (check.Status != CheckStatus.Pass && check.RemedyCommand != null)
                    {
                        text.Line("      > " + check.RemedyCommand);
                    }
                    else if (check.Status != CheckStatus.Pass && check.Remedy != null)
                    {
                        text.Wrapped("> " + check.Remedy, "      ");
                    }
                }

                if (result.Guidance.Count > 0)
                {
                    text.Line();
                    text.Line("Codes the user would see:");
                    foreach (var guidance in result.Guidance)
                    {
                        text.Wrapped($"{guidance.Id} {guidance.Name}: {guidance.Summary}", "  ", "    ");
                    }
                }
            }
        }

        private sealed class JsonWriter(CliConsole console) : ReadinessWriter
        {
            private bool _first = true;

            public override void Begin() => console.Out.WriteLine("[");

            public override void Write(SignInReadiness result)
            {
                if (!_first)
                {
                    console.Out.WriteLine(",");
                }

                _first = false;
                console.Out.Write(JsonSerializer.Serialize(result, CliJson.Context.SignInReadiness));
            }

            public override void End()
            {
                console.Out.WriteLine();
                console.Out.WriteLine("]");
            }
        }
    }
}
