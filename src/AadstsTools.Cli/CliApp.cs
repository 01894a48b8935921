using System;
using System.CommandLine;
using System.IO;
using AadstsTools.Cli.Commands;

namespace AadstsTools.Cli
{
    /// <summary>Builds the command tree and runs one command line against the given streams.</summary>
    public static class CliApp
    {
        public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
        {
            var console = new CliConsole(input, output, error);
            RootCommand root = Build(console);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine("aadsts: " + parseError.Message);
                }

                error.WriteLine("Run 'aadsts --help' for usage.");
                return ExitCodes.UsageError;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        internal static RootCommand Build(CliConsole console)
        {
            var root = new RootCommand("aadsts: explains Microsoft Entra ID AADSTS sign-in errors offline and fixes what causes them.");
            root.Add(GuidanceCommands.Explain(console));
            root.Add(GuidanceCommands.Search(console));
            root.Add(GuidanceCommands.List(console));
            root.Add(ReadinessCommand.Create(console));
            root.Add(ResetCommand.Create(console));
            root.Add(TriageCommands.Triage(console));
            return root;
        }
    }

    /// <summary>The streams a command reads and writes; the console, or strings in tests.</summary>
    internal sealed class CliConsole
    {
        public CliConsole(TextReader input, TextWriter output, TextWriter error)
        {
            In = input;
            Out = output;
            Error = error;
        }

        public TextReader In { get; }

        public TextWriter Out { get; }

        public TextWriter Error { get; }

        /// <summary>Text width for wrapping: the console's, or 100 when output is redirected.</summary>
        public int Width
        {
            get
            {
                try
                {
                    return !Console.IsOutputRedirected && ReferenceEquals(Out, Console.Out) && Console.WindowWidth > 40 ? Math.Min(Console.WindowWidth, 140) : 100;
                }
                catch (IOException)
                {
                    return 100;
                }
            }
        }
    }
}
