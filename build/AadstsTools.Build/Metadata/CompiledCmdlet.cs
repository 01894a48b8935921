using System.Collections.Generic;

namespace AadstsTools.Build.Metadata
{
    /// <summary>A cmdlet class found in the compiled cmdlets assembly, read from metadata only.</summary>
    public sealed class CompiledCmdlet
    {
        public required string Verb { get; init; }

        public required string Noun { get; init; }

        public string Name => Verb + "-" + Noun;

        public required string ClassName { get; init; }

        public required string? Namespace { get; init; }

        public required bool IsPublic { get; init; }

        public required bool IsSealed { get; init; }

        public required bool SupportsShouldProcess { get; init; }

        public required string? DefaultParameterSetName { get; init; }

        /// <summary>Full .NET names of the types in [OutputType].</summary>
        public required IReadOnlyList<string> OutputTypes { get; init; }

        public required IReadOnlyList<string> Aliases { get; init; }

        public required IReadOnlyList<CompiledParameter> Parameters { get; init; }
    }
}
