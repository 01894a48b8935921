using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using AadstsTools.Catalog;
using AadstsTools.Cli.Rendering;
using AadstsTools.Lookup;
using AadstsTools.Parsing;

namespace AadstsTools.Cli.Commands
{
    /// <summary>explain, search and list: the offline catalog.</summary>
    internal static class GuidanceCommands
    {
        public static Command Explain(CliConsole console)
        {
            var inputs = new Argument<string[]>("input")
            {
                Description = "Codes (50126, AADSTS50126), or error text; '-' reads the text from standard input.",
                Arity = ArgumentArity.OneOrMore,
            };
            var json = JsonOption();
            var overlay = OverlayOption();
            var verbose = VerboseOption();
            var command = new Command("explain", "Explain AADSTS codes, pasted error messages, JSON error responses or sign-in log text.")
            {
                inputs, json, overlay, verbose,
            };
            command.SetAction(parse =>
            {
                if (!TryService(console, parse.GetValue(overlay), out GuidanceService? service))
                {
                    return ExitCodes.InputError;
                }

                var output = new ConsoleEngineOutput(console, parse.GetValue(verbose), CancellationToken.None);
                foreach (string input in Inputs(parse.GetValue(inputs) ?? Array.Empty<string>(), console))
                {
                    service!.Explain(input, output);
                }

                var results = output.Results.Cast<AadstsTools.Guidance>().ToList();
                Render(console, results, parse.GetValue(json), detail: true);
                return output.ErrorCount > 0 ? ExitCodes.InputError : ExitCodes.Success;
            });
            return command;
        }

        public static Command Search(CliConsole console)
        {
            var words = new Argument<string[]>("words") { Description = "Words to find in names, summaries and causes.", Arity = ArgumentArity.OneOrMore };
            var category = CategoryOption();
            var json = JsonOption();
            var overlay = OverlayOption();
            var command = new Command("search", "Search the catalog by words.") { words, category, json, overlay };
            command.SetAction(parse =>
            {
                if (!TryService(console, parse.GetValue(overlay), out GuidanceService? service)
                    || !TryCategories(console, parse.GetValue(category), out var categories))
                {
                    return ExitCodes.InputError;
                }

                var results = service!.Search(parse.GetValue(words) ?? Array.Empty<string>(), categories);
                if (results.Count == 0 && !parse.GetValue(json))
                {
                    console.Error.WriteLine("No entries match. Try fewer or other words, or 'aadsts list'.");
                    return ExitCodes.InputError;
                }

                Render(console, results, parse.GetValue(json), detail: false);
                return ExitCodes.Success;
            });
            return command;
        }

        public static Command List(CliConsole console)
        {
            var category = CategoryOption();
            var json = JsonOption();
            var overlay = OverlayOption();
            var command = new Command("list", "List every entry of the catalog.") { category, json, overlay };
            command.SetAction(parse =>
            {
                if (!TryService(console, parse.GetValue(overlay), out GuidanceService? service)
                    || !TryCategories(console, parse.GetValue(category), out var categories))
                {
                    return ExitCodes.InputError;
                }

                Render(console, service!.All(categories), parse.GetValue(json), detail: false);
                return ExitCodes.Success;
            });
            return command;
        }

        internal static Option<bool> JsonOption() => new Option<bool>("--json") { Description = "Write JSON instead of text." };

        internal static Option<bool> VerboseOption() => new Option<bool>("--verbose", "-v") { Description = "Say more about what is done." };

        internal static Option<string?> OverlayOption() => new Option<string?>("--overlay")
        {
            Description = "An organisation overlay catalog (JSON); defaults to $" + GuidanceCatalog.OverlayVariable + ".",
        };

        private static Option<string[]> CategoryOption() => new Option<string[]>("--category", "-c")
        {
            Description = "Only these categories: " + GuidanceCategoryNames.AllowedNames + ".",
            AllowMultipleArgumentsPerToken = true,
        };

        /// <summary>
        /// All codes: one input each. Otherwise the words are one pasted text (the shell split it), with
        /// '-' replaced by standard input.
        /// </summary>
        internal static IEnumerable<string> Inputs(string[] arguments, CliConsole console)
        {
            if (arguments.All(a => ErrorTextParser.TryParseCode(a, out _)))
            {
                return arguments;
            }

            var parts = arguments.Select(a => a == "-" ? console.In.ReadToEnd() : a);
            return new[] { string.Join(" ", parts) };
        }

        internal static bool TryService(CliConsole console, string? overlayPath, out GuidanceService? service)
        {
            try
            {
                service = new GuidanceService(GuidanceCatalog.Load(overlayPath));
                return true;
            }
            catch (CatalogFileException ex)
            {
                if (overlayPath != null)
                {
                    // An overlay the user named on the command line must work, or the run stops.
                    console.Error.WriteLine("error: " + ex.Message);
                    service = null;
                    return false;
                }

                console.Error.WriteLine("warning: " + ex.Message + " The built-in catalog is used without the overlay.");
                service = new GuidanceService(GuidanceCatalog.BuiltIn);
                return true;
            }
        }

        private static bool TryCategories(CliConsole console, string[]? names, out IReadOnlyCollection<GuidanceCategory>? categories)
        {
            var parsed = new List<GuidanceCategory>();
            foreach (string name in (names ?? Array.Empty<string>()).SelectMany(n => n.Split(',')).Where(n => n.Trim().Length > 0))
            {
                if (!GuidanceCategoryNames.TryParse(name, out GuidanceCategory category))
                {
                    console.Error.WriteLine($"error: '{name}' is not a category; expected one of: {GuidanceCategoryNames.AllowedNames}.");
                    categories = null;
                    return false;
                }

                parsed.Add(category);
            }

            categories = parsed.Count == 0 ? null : parsed;
            return true;
        }

        private static void Render(CliConsole console, IReadOnlyList<AadstsTools.Guidance> results, bool json, bool detail)
        {
            if (json)
            {
                CliJson.Write(console.Out, results.ToList(), CliJson.Context.ListGuidance);
            }
            else if (detail)
            {
                GuidanceText.WriteDetail(console.Out, results, console.Width);
            }
            else
            {
                GuidanceText.WriteTable(console.Out, results, console.Width);
            }
        }
    }
}
