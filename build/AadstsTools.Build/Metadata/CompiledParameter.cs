using System.Collections.Generic;

namespace AadstsTools.Build.Metadata
{
    /// <summary>A cmdlet parameter as compiled: a public property with one [Parameter] per parameter set.</summary>
    public sealed class CompiledParameter
    {
        public CompiledParameter(string name, string typeName, IReadOnlyList<string> aliases, IReadOnlyList<ParameterSetBinding> sets)
        {
            Name = name;
            TypeName = typeName;
            Aliases = aliases;
            Sets = sets;
        }

        public string Name { get; }

        /// <summary>The short type name as help shows it, e.g. "String[]", "SwitchParameter".</summary>
        public string TypeName { get; }

        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<ParameterSetBinding> Sets { get; }
    }
}
