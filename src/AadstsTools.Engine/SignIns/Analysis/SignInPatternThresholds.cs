using System;
using System.Collections.Generic;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>
    /// When a pattern is flagged. The defaults suit a tenant of a few hundred to a few thousand users; every
    /// rule is stated in the flag's reason with the numbers that met it.
    /// </summary>
    public sealed class SignInPatternThresholds
    {
        /// <summary>The time buckets a spike is measured in.</summary>
        public TimeSpan BucketSize { get; init; } = TimeSpan.FromHours(1);

        /// <summary>The window must span at least this many buckets before a spike can stand out from it.</summary>
        public int SpikeMinimumBuckets { get; init; } = 6;

        /// <summary>A spike's bucket holds at least this many failures of the code.</summary>
        public int SpikeMinimumCount { get; init; } = 10;

        /// <summary>…and at least this many times the code's median bucket (zeros included; a median under 1 counts as 1).</summary>
        public double SpikeFactor { get; init; } = 5;

        /// <summary>Codes that mean "wrong or unusable credentials": what a spray produces.</summary>
        public IReadOnlyCollection<int> CredentialCodes { get; init; } = new[] { 50126, 50034, 50053, 50056, 50055 };

        /// <summary>A spray: at least this many accounts fail credentials from one IP address…</summary>
        public int SprayMinimumUsers { get; init; } = 10;

        /// <summary>…with fewer than this many tries per account on average (more looks like a client retrying stale passwords).</summary>
        public double SprayMaximumAttemptsPerUser { get; init; } = 3;

        /// <summary>Stale credentials: at least this many accounts fail 50126 in one app…</summary>
        public int StaleMinimumUsers { get; init; } = 5;

        /// <summary>…each at least this many times on average…</summary>
        public double StaleMinimumAttemptsPerUser { get; init; } = 3;

        /// <summary>…from at most this many IP addresses (the server or device the app runs on).</summary>
        public int StaleMaximumIps { get; init; } = 3;
    }
}
