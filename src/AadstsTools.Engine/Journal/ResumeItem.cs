namespace AadstsTools.Journal
{
    /// <summary>One input of a re-run and what the journal says about it.</summary>
    public sealed class ResumeItem
    {
        internal ResumeItem(int index, string userKey, JournalUserState previousState, JournalEntry? lastEntry)
        {
            Index = index;
            UserKey = userKey;
            PreviousState = previousState;
            LastEntry = lastEntry;
        }

        /// <summary>0-based position in the inputs, so every input gets exactly one result, in order.</summary>
        public int Index { get; }

        /// <summary>The input as given.</summary>
        public string UserKey { get; }

        /// <summary>The user's state in the journal before this run.</summary>
        public JournalUserState PreviousState { get; }

        /// <summary>The journal's last line about the user (its time, run, error or flags), or null.</summary>
        public JournalEntry? LastEntry { get; }

        public override string ToString() => $"{UserKey}: {PreviousState}";
    }
}
