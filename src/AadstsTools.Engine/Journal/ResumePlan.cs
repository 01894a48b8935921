using System;
using System.Collections.Generic;

namespace AadstsTools.Journal
{
    /// <summary>
    /// How a re-run treats each input, from the journal: users already done are skipped, users whose outcome is
    /// unknown are held back and reported (or reset again when asked), everyone else is reset. Nobody is reset
    /// twice unknowingly and nobody is left out: every input lands in exactly one list.
    /// </summary>
    public sealed class ResumePlan
    {
        private ResumePlan(IReadOnlyList<ResumeItem> toDo, IReadOnlyList<ResumeItem> alreadyDone, IReadOnlyList<ResumeItem> unknown)
        {
            ToDo = toDo;
            AlreadyDone = alreadyDone;
            Unknown = unknown;
        }

        /// <summary>Inputs to reset: not in the journal, failed or skipped before, and unknown ones when asked.</summary>
        public IReadOnlyList<ResumeItem> ToDo { get; }

        /// <summary>Inputs the journal records as reset: skip them.</summary>
        public IReadOnlyList<ResumeItem> AlreadyDone { get; }

        /// <summary>
        /// Inputs whose last line is Intended (the run died between send and answer), held back because
        /// <c>resetUnknown</c> was false: report them; the password may or may not have changed.
        /// </summary>
        public IReadOnlyList<ResumeItem> Unknown { get; }

        /// <summary>Sorts <paramref name="userKeys"/> (the inputs as given, in order) by what <paramref name="history"/> says.</summary>
        /// <param name="history">The journal as it was before this run (<see cref="ResetJournal.History"/>).</param>
        /// <param name="userKeys">The inputs; each keeps its position in <see cref="ResumeItem.Index"/>.</param>
        /// <param name="resetUnknown">Reset users whose outcome is unknown again (they go to <see cref="ToDo"/>).</param>
        public static ResumePlan Create(JournalHistory history, IEnumerable<string?> userKeys, bool resetUnknown = false)
        {
            if (history == null)
            {
                throw new ArgumentNullException(nameof(history));
            }

            if (userKeys == null)
            {
                throw new ArgumentNullException(nameof(userKeys));
            }

            var toDo = new List<ResumeItem>();
            var done = new List<ResumeItem>();
            var unknown = new List<ResumeItem>();
            int index = 0;
            foreach (string? key in userKeys)
            {
                string userKey = key ?? string.Empty;
                JournalEntry? last = history.LastEntry(userKey);
                var item = new ResumeItem(index++, userKey, JournalIndex.StateOf(last), last);
                switch (item.PreviousState)
                {
                    case JournalUserState.Done:
                        done.Add(item);
                        break;
                    case JournalUserState.Unknown when !resetUnknown:
                        unknown.Add(item);
                        break;
                    default:
                        toDo.Add(item);
                        break;
                }
            }

            return new ResumePlan(toDo, done, unknown);
        }
    }
}
