using System.Collections.Generic;

namespace AadstsTools.Build.Checks
{
    /// <summary>One &lt;View&gt; of a format file: its name, the types it is for and its control.</summary>
    public sealed class FormatView
    {
        public FormatView(string name, IReadOnlyList<string> typeNames, string control)
        {
            Name = name;
            TypeNames = typeNames;
            Control = control;
        }

        public string Name { get; }

        public IReadOnlyList<string> TypeNames { get; }

        /// <summary>TableControl, ListControl, WideControl or CustomControl.</summary>
        public string Control { get; }
    }
}
