using System.Reflection;
using System.Runtime.Loader;

namespace AadstsTools.Loading
{
    /// <summary>
    /// The module's own load context: holds the engine and every third-party assembly it needs (Graph SDK,
    /// Kiota, Azure.Identity, MSAL, ...), so that other modules' copies of them never meet ours.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        public const string ContextName = "AadstsTools";

        private readonly DependencyPolicy _policy;

        public ModuleLoadContext(DependencyPolicy policy)
            : base(ContextName, isCollectible: false)
        {
            _policy = policy;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            LoadDecision decision = _policy.ForModuleContext(assemblyName);

            // Returning null hands the request to the default context: PowerShell's and the framework's copies.
            return decision.Source == LoadSource.Dependencies ? LoadFromAssemblyPath(decision.Path!) : null;
        }
    }
}
