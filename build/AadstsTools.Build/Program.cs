using System;
using System.CommandLine;
using AadstsTools.Build.Commands;

namespace AadstsTools.Build
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand("AadstsTools build tool: module layout, help and package, without PowerShell.")
            {
                BuildCommands.Layout(Console.Out),
                BuildCommands.HelpCommand(Console.Out),
                BuildCommands.NewDocs(Console.Out),
                BuildCommands.Package(Console.Out),
            };
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    Console.Error.WriteLine("AadstsTools.Build: " + error.Message);
                }

                return 2;
            }

            try
            {
                return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (BuildException ex)
            {
                Console.Error.WriteLine("Build failed:");
                foreach (string problem in ex.Problems)
                {
                    Console.Error.WriteLine("  - " + problem);
                }

                return 1;
            }
        }
    }
}
