namespace AadstsTools.Build.Help
{
    /// <summary>A parameter set heading of the SYNTAX section: "### Lookup (Default)".</summary>
    public sealed class SyntaxSet
    {
        public SyntaxSet(string name, bool isDefault)
        {
            Name = name;
            IsDefault = isDefault;
        }

        public string Name { get; }

        public bool IsDefault { get; }
    }
}
