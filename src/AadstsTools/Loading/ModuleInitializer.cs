using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace AadstsTools.Loading
{
    /// <summary>
    /// Runs when the module is imported, before any cmdlet runs: points the engine and its third-party
    /// dependencies at the module's Dependencies folder. PowerShell 7 gets the module's own load context
    /// (AadstsTools.Loader); Windows PowerShell 5.1 gets an AssemblyResolve handler (best effort: .NET Framework
    /// has one load context per process). Must not touch an engine type: the engine is not resolvable yet.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            string moduleBase = ModuleBase;
            string dependencies = Path.Combine(moduleBase, DependencyPolicy.DependenciesFolderName);
            if (!Directory.Exists(dependencies) && File.Exists(Path.Combine(moduleBase, DependencyPolicy.EngineAssemblyName + ".dll")))
            {
                // A development build folder (everything side by side): nothing to isolate, nothing to resolve.
                return;
            }

            if (IsDotNetCore)
            {
                CoreLoaderBridge.Register(moduleBase);
            }
            else
            {
                DesktopAssemblyResolver.Register(moduleBase);
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDotNetCore)
            {
                CoreLoaderBridge.Unregister();
            }
            else
            {
                DesktopAssemblyResolver.Unregister();
            }
        }

        private static bool IsDotNetCore =>
            !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        private static string ModuleBase => Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? Directory.GetCurrentDirectory();
    }
}
