using System.Collections.Generic;

namespace AadstsTools.Build.Metadata
{
    /// <summary>A cmdlet parameter as compiled: a public property with one [Parameter] per parameter set.</summary>
    public sealed class CompiledParameter
    {
        public CompiledParameter(string name, string typeName, IReadOnlyList<string> aliases, IReadOnlyList<ParameterSetBinding> sets, IReadOnlyList<string> acceptedValues)
        {
            Name = name;
            TypeName = typeName;
            Aliases = aliases;
            Sets = sets;
            AcceptedValues = acceptedValues;
        }

        public string Name { get; }

        /// <summary>The short type name as help shows it, e.g. "String[]", "SwitchParameter".</summary>
        public string TypeName { get; }

        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<ParameterSetBinding> Sets { get; }

        /// <summary>The names of an enum parameter's values (of its element type for arrays); empty otherwise.</summary>
        public IReadOnlyList<string> AcceptedValues { get; }

        public bool IsSwitch => TypeName == "SwitchParameter";
    }
}
