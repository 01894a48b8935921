namespace AadstsTools.SignIns.Analysis
{
    /// <summary>The patterns the summary flags.</summary>
    public enum SignInPatternKind
    {
        /// <summary>A code's busiest hour stands far above its median hour in the window.</summary>
        Spike,

        /// <summary>Many accounts failing credentials from one IP address, a few tries each.</summary>
        PasswordSpray,

        /// <summary>One app failing 50126 for several accounts again and again from a few addresses: stored passwords gone stale.</summary>
        StaleCredentials,

        /// <summary>Accounts locked out by smart lockout (50053).</summary>
        Lockout,
    }
}
