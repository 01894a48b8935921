using System;

namespace AadstsTools.Cli
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            int exitCode = CliApp.Run(args, Console.In, Console.Out, Console.Error);
            Diagnostics.ReportLoadedAssemblies(Console.Error);
            return exitCode;
        }
    }
}
