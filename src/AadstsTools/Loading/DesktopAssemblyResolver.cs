using System;
using System.IO;
using System.Reflection;

namespace AadstsTools.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: answers AppDomain.AssemblyResolve for requests made by this module's own
    /// assemblies, from Dependencies. Best effort: .NET Framework has one load context per process, so an
    /// assembly another module loaded first under the same identity is what everyone gets.
    /// </summary>
    internal static class DesktopAssemblyResolver
    {
        private static readonly object Gate = new object();
        private static DependencyPolicy? _policy;
        private static bool _hooked;

        public static void Register(string moduleBase)
        {
            lock (Gate)
            {
                if (_policy == null)
                {
                    DependencyFolder shipped = DependencyFolder.Scan(Path.Combine(moduleBase, DependencyPolicy.DependenciesFolderName));

                    // .NET Framework has no trusted platform list: the GAC answers before this event is raised.
                    _policy = new DependencyPolicy(moduleBase, shipped.Find, _ => null);
                }

                if (!_hooked)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                    _hooked = true;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (_hooked)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                    _hooked = false;
                }
            }
        }

        private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            DependencyPolicy? policy = _policy;
            if (policy == null)
            {
                return null;
            }

            AssemblyName requested;
            try
            {
                requested = new AssemblyName(args.Name);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                return null;
            }

            Assembly? requester = args.RequestingAssembly;
            string? requesterLocation = requester == null || requester.IsDynamic ? null : requester.Location;
            LoadDecision decision = policy.ForDesktopResolve(requested, requesterLocation);
            return decision.Source == LoadSource.Dependencies ? Assembly.LoadFrom(decision.Path!) : null;
        }
    }
}
