using System;

namespace AadstsTools.Loading
{
    /// <summary>An assembly file in the module's Dependencies folder.</summary>
    internal sealed class ShippedAssembly
    {
        public ShippedAssembly(string name, Version version, string path)
        {
            Name = name;
            Version = version;
            Path = path;
        }

        /// <summary>The simple assembly name, e.g. "Azure.Core".</summary>
        public string Name { get; }

        public Version Version { get; }

        public string Path { get; }
    }
}
