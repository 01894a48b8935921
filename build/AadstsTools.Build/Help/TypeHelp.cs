using System.Collections.Generic;

namespace AadstsTools.Build.Help
{
    /// <summary>An INPUTS or OUTPUTS entry: "### TypeName" and its description.</summary>
    public sealed class TypeHelp
    {
        public TypeHelp(string typeName, IReadOnlyList<string> description)
        {
            TypeName = typeName;
            Description = description;
        }

        public string TypeName { get; }

        public IReadOnlyList<string> Description { get; }
    }
}
