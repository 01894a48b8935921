using System;
using System.IO;
using System.Linq;

namespace AadstsTools.Cli
{
    /// <summary>
    /// Opt-in self-reports for tests and troubleshooting. AADSTS_DIAGNOSTICS=assemblies lists every assembly
    /// the run loaded, so a test can prove that explaining a code never loads Graph, Azure or MSAL.
    /// </summary>
    internal static class Diagnostics
    {
        public const string Variable = "AADSTS_DIAGNOSTICS";
        public const string AssemblyLinePrefix = "loaded-assembly: ";

        public static void ReportLoadedAssemblies(TextWriter error)
        {
            string? setting = Environment.GetEnvironmentVariable(Variable);
            if (setting == null || !setting.Split(',').Any(s => s.Trim().Equals("assemblies", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            foreach (string name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").OrderBy(n => n, StringComparer.Ordinal))
            {
                error.WriteLine(AssemblyLinePrefix + name);
            }
        }
    }
}
