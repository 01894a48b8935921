using System;
using System.Collections.Generic;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>What a triage run came to: what was kept and left out, the summary rows and the patterns found.</summary>
    public sealed class SignInTriageResult
    {
        /// <summary>Sign-ins fed in.</summary>
        public long Seen { get; internal set; }

        /// <summary>Sign-ins reported (as failures, or in the summary).</summary>
        public long Kept { get; internal set; }

        public long SuccessesLeftOut { get; internal set; }

        /// <summary>Expected interrupts (catalog's benign codes) left out.</summary>
        public long BenignLeftOut { get; internal set; }

        /// <summary>Sign-ins before Since or after Until.</summary>
        public long OutsideWindow { get; internal set; }

        /// <summary>Sign-ins of other codes, users or apps than asked for.</summary>
        public long FilteredOut { get; internal set; }

        /// <summary>The summary rows written, most impact first (empty without Summary).</summary>
        public IReadOnlyList<SignInFailureSummary> Summaries { get; internal set; } = Array.Empty<SignInFailureSummary>();

        /// <summary>Every pattern found (empty without Summary), whether or not a row of the chosen grouping carries it.</summary>
        public IReadOnlyList<SignInPatternFlag> Flags { get; internal set; } = Array.Empty<SignInPatternFlag>();
    }
}
