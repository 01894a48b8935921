namespace AadstsTools.SignIns.Analysis
{
    /// <summary>What one summary row stands for.</summary>
    public enum SignInGroupBy
    {
        /// <summary>One row per AADSTS code (the default of -Summary).</summary>
        Code,

        /// <summary>One row per user (or service principal).</summary>
        User,

        /// <summary>One row per application.</summary>
        App,

        /// <summary>One row per client IP address.</summary>
        IP,
    }
}
