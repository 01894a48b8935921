using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace AadstsTools.Loading
{
    /// <summary>The assemblies in the module's Dependencies folder, by simple name, read once.</summary>
    internal sealed class DependencyFolder
    {
        private readonly Dictionary<string, ShippedAssembly> _byName;

        private DependencyFolder(Dictionary<string, ShippedAssembly> byName) => _byName = byName;

        public int Count => _byName.Count;

        /// <summary>Reads the name and version of every *.dll in the folder; files without metadata are skipped.</summary>
        public static DependencyFolder Scan(string directory)
        {
            var byName = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(directory))
            {
                foreach (string path in Directory.GetFiles(directory, "*.dll"))
                {
                    AssemblyName name;
                    try
                    {
                        name = AssemblyName.GetAssemblyName(path);
                    }
                    catch (BadImageFormatException)
                    {
                        continue; // a native library: not ours to resolve as a managed assembly
                    }

                    if (name.Name != null)
                    {
                        byName[name.Name] = new ShippedAssembly(name.Name, name.Version ?? new Version(0, 0, 0, 0), path);
                    }
                }
            }

            return new DependencyFolder(byName);
        }

        public ShippedAssembly? Find(string simpleName) => _byName.TryGetValue(simpleName, out ShippedAssembly? found) ? found : null;
    }
}
