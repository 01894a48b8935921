namespace AadstsTools.Build.Metadata
{
    /// <summary>One [Parameter] attribute: how the parameter binds in one parameter set.</summary>
    public sealed class ParameterSetBinding
    {
        /// <summary>The name PowerShell gives a parameter that names no set: it is in every set.</summary>
        public const string AllSets = "__AllParameterSets";

        public string SetName { get; init; } = AllSets;

        public bool Mandatory { get; init; }

        /// <summary>-1 when named only.</summary>
        public int Position { get; init; } = -1;

        public bool ValueFromPipeline { get; init; }

        public bool ValueFromPipelineByPropertyName { get; init; }
    }
}
