namespace AadstsTools.Journal
{
    /// <summary>Where a user stands according to a journal: its last line about the user.</summary>
    public enum JournalUserState
    {
        /// <summary>The journal has no line about the user.</summary>
        NotInJournal,

        /// <summary>Reset and confirmed: a re-run skips the user.</summary>
        Done,

        /// <summary>The last attempt failed: a re-run tries again.</summary>
        Failed,

        /// <summary>
        /// Intended with no outcome: the run stopped between sending and the answer, so the password may or may
        /// not have changed. A re-run reports it and resets again only when asked.
        /// </summary>
        Unknown,

        /// <summary>Not attempted last time: a re-run tries again (the reason may have been fixed).</summary>
        Skipped,
    }
}
