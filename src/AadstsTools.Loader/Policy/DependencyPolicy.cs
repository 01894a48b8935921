using System;
using System.IO;
using System.Reflection;

namespace AadstsTools.Loading
{
    /// <summary>
    /// Decides, for each assembly request, whether the module answers it from its Dependencies folder or leaves
    /// it to PowerShell. One place for the rules of all three hooks, so they can be tested without a PowerShell:
    /// <list type="bullet">
    /// <item>the default context's Resolving event (PowerShell 7): answers for the engine's name only, which moves
    /// the engine, and through it everything the engine needs, into the module's own load context;</item>
    /// <item>the module context's Load (PowerShell 7): PowerShell's and the framework's assemblies stay shared
    /// (one System.Management.Automation, one ReadOnlyMemory&lt;T&gt;) unless the framework's copy is older than the
    /// engine needs; every other assembly comes from Dependencies, whatever another module loaded;</item>
    /// <item>the AppDomain's AssemblyResolve event (Windows PowerShell 5.1): answers only requests made by this
    /// module's own assemblies, for files it ships at the version asked or newer.</item>
    /// </list>
    /// </summary>
    internal sealed class DependencyPolicy
    {
        public const string EngineAssemblyName = "AadstsTools.Engine";
        public const string DependenciesFolderName = "Dependencies";

        // Shared with PowerShell so that types crossing the boundary (cmdlets, PSObject, ErrorRecord) are one type.
        private static readonly string[] SharedNames =
        {
            "System.Management.Automation",
            "Microsoft.Management.Infrastructure",
            "AadstsTools",
            "AadstsTools.Loader",
            "mscorlib",
            "netstandard",
            "System.Private.CoreLib",
        };

        private const string PowerShellPrefix = "Microsoft.PowerShell.";

        private readonly string _moduleBase;
        private readonly Func<string, ShippedAssembly?> _shipped;
        private readonly Func<string, Version?> _frameworkVersion;

        /// <param name="moduleBase">The module folder (holding AadstsTools.dll and Dependencies/).</param>
        /// <param name="shipped">The file in Dependencies for a simple name, or null.</param>
        /// <param name="frameworkVersion">The version the runtime or PowerShell itself provides for a simple name
        /// (its trusted platform assemblies), or null when it provides none. Always null on Windows PowerShell.</param>
        public DependencyPolicy(string moduleBase, Func<string, ShippedAssembly?> shipped, Func<string, Version?> frameworkVersion)
        {
            _moduleBase = WithTrailingSeparator(Path.GetFullPath(moduleBase));
            _shipped = shipped;
            _frameworkVersion = frameworkVersion;
        }

        public string DependenciesDirectory => Path.Combine(_moduleBase, DependenciesFolderName);

        public static bool IsShared(string name)
        {
            foreach (string shared in SharedNames)
            {
                if (string.Equals(shared, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return name.StartsWith(PowerShellPrefix, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>PowerShell 7, default context's Resolving: the engine's name only.</summary>
        public LoadDecision ForDefaultContext(AssemblyName requested)
        {
            string name = requested.Name ?? string.Empty;
            if (!string.Equals(name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return LoadDecision.FromDefault("only the engine is bridged from the default context; " + name + " is not ours to answer there");
            }

            ShippedAssembly? engine = _shipped(name);
            return engine == null
                ? LoadDecision.FromDefault("the engine is missing from " + DependenciesDirectory)
                : LoadDecision.FromDependencies(engine, "the engine enters the module's load context");
        }

        /// <summary>PowerShell 7, the module context's Load: everything the engine (and its dependencies) asks for.</summary>
        public LoadDecision ForModuleContext(AssemblyName requested)
        {
            string name = requested.Name ?? string.Empty;
            if (IsShared(name))
            {
                return LoadDecision.FromDefault(name + " is shared with PowerShell");
            }

            ShippedAssembly? own = _shipped(name);
            Version? framework = _frameworkVersion(name);
            if (framework != null)
            {
                if (requested.Version == null || framework >= requested.Version)
                {
                    return LoadDecision.FromDefault("the framework's " + name + " " + framework + " satisfies " + Describe(requested.Version));
                }

                if (own != null && own.Version >= requested.Version)
                {
                    return LoadDecision.FromDependencies(own, "the framework's " + name + " " + framework + " is older than the " + requested.Version + " needed");
                }

                return LoadDecision.FromDefault("the framework's " + name + " " + framework + " is older than " + requested.Version + " and the module ships no newer one");
            }

            return own == null
                ? LoadDecision.FromDefault(name + " is not shipped in " + DependenciesDirectory)
                : LoadDecision.FromDependencies(own, name + " is the module's own copy, isolated from other modules");
        }

        /// <summary>Windows PowerShell 5.1, AssemblyResolve: only for requests made by this module's assemblies.</summary>
        /// <param name="requested">The assembly that failed to bind.</param>
        /// <param name="requestingAssemblyLocation">The file of the assembly that asked, or null when the runtime does
        /// not say (then the request is not provably ours and is left alone).</param>
        public LoadDecision ForDesktopResolve(AssemblyName requested, string? requestingAssemblyLocation)
        {
            string name = requested.Name ?? string.Empty;
            if (!IsInModule(requestingAssemblyLocation))
            {
                return LoadDecision.FromDefault("the request for " + name + " did not come from this module's assemblies");
            }

            if (IsShared(name))
            {
                return LoadDecision.FromDefault(name + " is shared with PowerShell");
            }

            ShippedAssembly? own = _shipped(name);
            if (own == null)
            {
                return LoadDecision.FromDefault(name + " is not shipped in " + DependenciesDirectory);
            }

            if (requested.Version != null && own.Version < requested.Version)
            {
                return LoadDecision.FromDefault("the module ships " + name + " " + own.Version + ", older than the " + requested.Version + " asked for");
            }

            return LoadDecision.FromDependencies(own, name + " " + own.Version + " from the module's Dependencies folder");
        }

        private bool IsInModule(string? location)
        {
            if (string.IsNullOrEmpty(location))
            {
                return false;
            }

            string full;
            try
            {
                full = Path.GetFullPath(location);
            }
            catch (ArgumentException)
            {
                return false;
            }

            return full.StartsWith(_moduleBase, StringComparison.OrdinalIgnoreCase);
        }

        private static string Describe(Version? version) => version == null ? "any version" : "the " + version + " needed";

        private static string WithTrailingSeparator(string path) =>
            path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;
    }
}
