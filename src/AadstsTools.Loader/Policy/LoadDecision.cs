namespace AadstsTools.Loading
{
    /// <summary>The answer to one assembly request: where it comes from, and why (for tests and diagnostics).</summary>
    internal sealed class LoadDecision
    {
        private LoadDecision(LoadSource source, string? path, string reason)
        {
            Source = source;
            Path = path;
            Reason = reason;
        }

        public LoadSource Source { get; }

        /// <summary>The file to load when <see cref="Source"/> is <see cref="LoadSource.Dependencies"/>.</summary>
        public string? Path { get; }

        public string Reason { get; }

        public static LoadDecision FromDefault(string reason) => new LoadDecision(LoadSource.Default, null, reason);

        public static LoadDecision FromDependencies(ShippedAssembly assembly, string reason) =>
            new LoadDecision(LoadSource.Dependencies, assembly.Path, reason);

        public override string ToString() => Source + (Path == null ? string.Empty : " (" + Path + ")") + ": " + Reason;
    }
}
