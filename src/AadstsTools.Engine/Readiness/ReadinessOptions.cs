using System;
using System.Collections.Generic;

namespace AadstsTools.Readiness
{
    /// <summary>How Test-UserSignInReadiness runs: which checks, which sign-in window, set sizes.</summary>
    public sealed class ReadinessOptions
    {
        /// <summary>The checks to run; all when empty (Exists always runs).</summary>
        public IReadOnlyCollection<ReadinessCheck>? Checks { get; init; }

        /// <summary>Start of the sign-in window; <see cref="Days"/> before now when not given.</summary>
        public DateTimeOffset? Since { get; init; }

        public int Days { get; init; } = 7;

        /// <summary>Users checked together: one $batch lookup and shared report queries per set.</summary>
        public int SetSize { get; init; } = 500;

        /// <summary>
        /// Up to this many users, the registration report and the sign-in log are read per user (two
        /// reporting calls each). Beyond it, the run reads the whole registration report once and the
        /// sign-in log once per code of interest, which costs the same for 10 users or 10,000.
        /// </summary>
        public int PerUserReportLimit { get; init; } = 10;

        /// <summary>A synced user not synced for longer than this gets a warning.</summary>
        public TimeSpan StaleSyncAfter { get; init; } = TimeSpan.FromDays(3);

        /// <summary>The clock (tests fix it).</summary>
        public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

        /// <summary>The codes a bulk run searches the sign-in log for (Graph filters status/errorCode by "eq" only).</summary>
        public IReadOnlyCollection<int> BulkSignInCodes { get; init; } = DefaultBulkSignInCodes;

        public static readonly int[] DefaultBulkSignInCodes =
        {
            50053, 50126, 50055, 50144, 50057, 50125, 50132, 50133, 50173, 50076, 50079, 500121, 53003, 53000, 530003,
        };

        public DateTimeOffset WindowStart(DateTimeOffset now)
        {
            if (Days < 1 && !Since.HasValue)
            {
                throw new ArgumentOutOfRangeException(nameof(Days), Days, "The sign-in window must be at least 1 day.");
            }

            return Since ?? now.AddDays(-Days);
        }
    }
}
