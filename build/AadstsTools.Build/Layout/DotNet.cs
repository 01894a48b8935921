using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace AadstsTools.Build.Layout
{
    /// <summary>Runs the dotnet CLI, its output passed through; a failure stops the build with the command line.</summary>
    public static class DotNet
    {
        public static void Run(string workingDirectory, IReadOnlyList<string> arguments, Action<string> log)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            string commandLine = "dotnet " + string.Join(" ", arguments);
            log(commandLine);
            using Process process = Process.Start(start) ?? throw new BuildException("Could not start: " + commandLine);
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { log(e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { log(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new BuildException(commandLine + " failed with exit code " + process.ExitCode + ".");
            }
        }
    }
}
