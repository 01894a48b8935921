namespace AadstsTools.Journal
{
    /// <summary>What one journal line records about one user.</summary>
    public enum JournalEntryState
    {
        /// <summary>About to send the reset; written and flushed before the request leaves.</summary>
        Intended,

        /// <summary>Graph confirmed the reset.</summary>
        Done,

        /// <summary>The reset failed; the error kind and message say why.</summary>
        Failed,

        /// <summary>Not attempted (refused before any Graph call, e.g. a federated user); the reason says why.</summary>
        Skipped,
    }
}
