using System;
using System.Collections.Generic;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>What to keep of the sign-ins fed to <see cref="SignInTriage"/>, and how to report it.</summary>
    public sealed record SignInTriageOptions
    {
        /// <summary>Also report expected interrupts (codes the catalog marks benign, such as 50058 and 50140).</summary>
        public bool IncludeBenign { get; init; }

        /// <summary>Also report successful sign-ins (error code 0).</summary>
        public bool IncludeSuccess { get; init; }

        /// <summary>Only these codes; all when empty.</summary>
        public IReadOnlyCollection<int>? ErrorCodes { get; init; }

        /// <summary>Only these users: UPN, object id, or service principal name or id (case-insensitive); all when empty.</summary>
        public IReadOnlyCollection<string>? UserIds { get; init; }

        /// <summary>Only these apps: app id or display name (case-insensitive); all when empty.</summary>
        public IReadOnlyCollection<string>? AppIds { get; init; }

        /// <summary>Only sign-ins at or after this time.</summary>
        public DateTimeOffset? Since { get; init; }

        /// <summary>Only sign-ins at or before this time.</summary>
        public DateTimeOffset? Until { get; init; }

        /// <summary>Summary rows instead of one object per failure (grouped by <see cref="GroupBy"/>).</summary>
        public bool Summary { get; init; }

        /// <summary>What a summary row stands for; Code by default.</summary>
        public SignInGroupBy GroupBy { get; init; } = SignInGroupBy.Code;

        /// <summary>How many top users, apps, addresses and codes a summary row names.</summary>
        public int TopCount { get; init; } = 5;

        /// <summary>
        /// Distinct users, apps and addresses are counted exactly up to this many per summary row; past it the
        /// row says its counts are capped (memory stays bounded whatever the input).
        /// </summary>
        public int DistinctCap { get; init; } = 10_000;

        /// <summary>At most this many summary rows are kept; later keys are counted under "(other)".</summary>
        public int MaxGroups { get; init; } = 100_000;

        public SignInPatternThresholds Patterns { get; init; } = new SignInPatternThresholds();
    }
}
