using System.Collections.Generic;
using AadstsTools.SignIns.Analysis;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>aadsts triage --summary --json: the rows and every pattern found, with the totals.</summary>
    internal sealed class TriageSummaryJson
    {
        public TriageSummaryJson(SignInGroupBy groupBy, SignInTriageResult result)
        {
            GroupBy = groupBy;
            Rows = result.Summaries;
            Flags = result.Flags;
            SignIns = result.Seen;
            Reported = result.Kept;
            SuccessesLeftOut = result.SuccessesLeftOut;
            BenignLeftOut = result.BenignLeftOut;
        }

        public SignInGroupBy GroupBy { get; }

        public long SignIns { get; }

        public long Reported { get; }

        public long SuccessesLeftOut { get; }

        public long BenignLeftOut { get; }

        public IReadOnlyList<SignInFailureSummary> Rows { get; }

        public IReadOnlyList<SignInPatternFlag> Flags { get; }
    }
}
