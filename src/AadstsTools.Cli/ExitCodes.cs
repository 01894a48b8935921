namespace AadstsTools.Cli
{
    /// <summary>What the process returns.</summary>
    internal static class ExitCodes
    {
        /// <summary>Everything asked for was done.</summary>
        public const int Success = 0;

        /// <summary>Some input could not be used (no code in it, a user that failed, a bad file).</summary>
        public const int InputError = 1;

        /// <summary>The command line itself is wrong.</summary>
        public const int UsageError = 2;

        /// <summary>The run was cancelled (Ctrl+C).</summary>
        public const int Cancelled = 130;
    }
}
