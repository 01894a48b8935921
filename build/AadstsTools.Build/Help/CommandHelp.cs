using System.Collections.Generic;

namespace AadstsTools.Build.Help
{
    /// <summary>One cmdlet's help as written in docs/&lt;Cmdlet&gt;.md (platyPS markdown, schema 2.0).</summary>
    public sealed class CommandHelp
    {
        public required string Name { get; init; }

        public required string SourcePath { get; init; }

        public required string Synopsis { get; init; }

        public required IReadOnlyList<string> Description { get; init; }

        /// <summary>The parameter sets named in SYNTAX, in order; the default one is marked.</summary>
        public required IReadOnlyList<SyntaxSet> SyntaxSets { get; init; }

        public required IReadOnlyList<ExampleHelp> Examples { get; init; }

        public required IReadOnlyList<ParameterHelp> Parameters { get; init; }

        public required IReadOnlyList<TypeHelp> Inputs { get; init; }

        public required IReadOnlyList<TypeHelp> Outputs { get; init; }

        public required IReadOnlyList<string> Notes { get; init; }

        public required IReadOnlyList<LinkHelp> Links { get; init; }
    }
}
