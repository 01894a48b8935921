using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace AadstsTools.Loading
{
    /// <summary>
    /// PowerShell 7: loads AadstsTools.Loader (net8.0) from Dependencies into the default context and asks it to
    /// set up the module's load context. By reflection, because this assembly targets netstandard2.0, which has
    /// no AssemblyLoadContext.
    /// </summary>
    internal static class CoreLoaderBridge
    {
        private const string LoaderFileName = "AadstsTools.Loader.dll";
        private const string SetupTypeName = "AadstsTools.Loading.LoadContextSetup";

        private static Type? _setup;

        public static void Register(string moduleBase)
        {
            string path = Path.Combine(moduleBase, DependencyPolicy.DependenciesFolderName, LoaderFileName);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("The AadstsTools module folder is incomplete: '" + path + "' is missing. Reinstall the module.", path);
            }

            // LoadFrom puts the loader in the default context, where it must live to hook that context's Resolving event.
            Type setup = Assembly.LoadFrom(path).GetType(SetupTypeName, throwOnError: true)!;
            Call(setup, "Register", moduleBase);
            _setup = setup;
        }

        public static void Unregister()
        {
            if (_setup != null)
            {
                Call(_setup, "Unregister");
            }
        }

        private static void Call(Type setup, string method, params object[] arguments)
        {
            MethodInfo target = setup.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(SetupTypeName, method);
            try
            {
                target.Invoke(null, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }
    }
}
