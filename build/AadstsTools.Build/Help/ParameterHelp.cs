using System.Collections.Generic;
using System.Linq;

namespace AadstsTools.Build.Help
{
    /// <summary>"### -Name": the description and the yaml block of platyPS's schema.</summary>
    public sealed class ParameterHelp
    {
        public required string Name { get; init; }

        public required IReadOnlyList<string> Description { get; init; }

        public required string Type { get; init; }

        /// <summary>The sets the parameter is in; "(All)" when every set.</summary>
        public required IReadOnlyList<string> ParameterSets { get; init; }

        public required IReadOnlyList<string> Aliases { get; init; }

        public required IReadOnlyList<string> AcceptedValues { get; init; }

        public required bool Required { get; init; }

        /// <summary>"Named" or a number.</summary>
        public required string Position { get; init; }

        public required string DefaultValue { get; init; }

        /// <summary>"False", "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)".</summary>
        public required string PipelineInput { get; init; }

        public required bool Globbing { get; init; }

        public bool IsInSet(string setName) =>
            ParameterSets.Contains("(All)") || ParameterSets.Contains(setName);
    }
}
