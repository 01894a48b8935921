using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace AadstsTools.Loading
{
    /// <summary>
    /// Entry point the cmdlets assembly calls (by reflection: it targets netstandard2.0) when the module is
    /// imported on PowerShell 7: creates the module's load context once and bridges the engine into it from
    /// the default context. Safe to call again on re-import; <see cref="Unregister"/> on Remove-Module.
    /// </summary>
    public static class LoadContextSetup
    {
        private static readonly object Gate = new object();
        private static ModuleLoadContext? _context;
        private static DependencyPolicy? _policy;
        private static bool _hooked;

        /// <summary>The module's load context, once <see cref="Register"/> has run.</summary>
        public static AssemblyLoadContext? Context => _context;

        /// <param name="moduleBase">The module folder: AadstsTools.dll, and Dependencies/ beneath it.</param>
        public static void Register(string moduleBase)
        {
            lock (Gate)
            {
                if (_context == null)
                {
                    string dependencies = Path.Combine(moduleBase, DependencyPolicy.DependenciesFolderName);
                    DependencyFolder shipped = DependencyFolder.Scan(dependencies);
                    if (shipped.Find(DependencyPolicy.EngineAssemblyName) == null)
                    {
                        throw new FileNotFoundException(
                            "The AadstsTools module folder is incomplete: " + DependencyPolicy.EngineAssemblyName + ".dll is missing from '" + dependencies + "'. Reinstall the module.",
                            Path.Combine(dependencies, DependencyPolicy.EngineAssemblyName + ".dll"));
                    }

                    FrameworkAssemblies framework = FrameworkAssemblies.OfThisProcess();
                    _policy = new DependencyPolicy(moduleBase, shipped.Find, framework.VersionOf);
                    _context = new ModuleLoadContext(_policy);
                }

                if (!_hooked)
                {
                    AssemblyLoadContext.Default.Resolving += OnDefaultResolving;
                    _hooked = true;
                }
            }
        }

        /// <summary>Removes the bridge. The context stays (it is not collectible, like any loaded module assembly).</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                if (_hooked)
                {
                    AssemblyLoadContext.Default.Resolving -= OnDefaultResolving;
                    _hooked = false;
                }
            }
        }

        private static Assembly? OnDefaultResolving(AssemblyLoadContext defaultContext, AssemblyName assemblyName)
        {
            ModuleLoadContext? context = _context;
            DependencyPolicy? policy = _policy;
            if (context == null || policy == null)
            {
                return null;
            }

            LoadDecision decision = policy.ForDefaultContext(assemblyName);
            if (decision.Source != LoadSource.Dependencies)
            {
                return null;
            }

            // By path, never by name: a by-name load the context declined would come back here, forever.
            lock (Gate)
            {
                foreach (Assembly loaded in context.Assemblies)
                {
                    if (string.Equals(loaded.GetName().Name, assemblyName.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        return loaded;
                    }
                }

                return context.LoadFromAssemblyPath(decision.Path!);
            }
        }
    }
}
