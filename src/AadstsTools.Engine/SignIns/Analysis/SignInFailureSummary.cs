using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using AadstsTools.SignIns.Analysis;

namespace AadstsTools
{
    /// <summary>
    /// One row of Get-AadSignInFailure -Summary (PSTypeName <c>AadstsTools.SignInFailureSummary</c>): the
    /// failures of one code, user, app or IP address, with counts, the top users and apps, the guidance of
    /// the (top) code, and the patterns found in them.
    /// </summary>
    public sealed class SignInFailureSummary
    {
        internal SignInFailureSummary(SignInGroupBy groupBy, string key)
        {
            GroupBy = groupBy;
            Key = key;
        }

        public SignInGroupBy GroupBy { get; }

        /// <summary>The code ("AADSTS50126"), user, app or IP address of this row.</summary>
        public string Key { get; }

        /// <summary>The row's code; for other groupings, its most frequent code.</summary>
        public int? Code { get; internal set; }

        /// <summary>The code's symbolic name or title.</summary>
        public string? Title { get; internal set; }

        public string? Category { get; internal set; }

        public long Count { get; internal set; }

        public int DistinctUsers { get; internal set; }

        public int DistinctApps { get; internal set; }

        public int DistinctIps { get; internal set; }

        /// <summary>True when a distinct count reached the cap (SignInTriageOptions.DistinctCap) and reads "at least".</summary>
        public bool DistinctCountsCapped { get; internal set; }

        public DateTime FirstSeenUtc { get; internal set; }

        public DateTime LastSeenUtc { get; internal set; }

        /// <summary>"alice@contoso.com (12)", most failures first.</summary>
        public IReadOnlyList<string> TopUsers { get; internal set; } = Array.Empty<string>();

        public IReadOnlyList<string> TopApps { get; internal set; } = Array.Empty<string>();

        public IReadOnlyList<string> TopIps { get; internal set; } = Array.Empty<string>();

        /// <summary>"AADSTS50126 (40)": for user, app and IP rows.</summary>
        public IReadOnlyList<string> TopCodes { get; internal set; } = Array.Empty<string>();

        /// <summary>What the (top) code means, from the catalog.</summary>
        public string? GuidanceSummary { get; internal set; }

        /// <summary>The command of this module that checks or fixes it (adapt the placeholders).</summary>
        public string? FixCommand { get; internal set; }

        [JsonIgnore]
        public Guidance? Guidance { get; internal set; }

        /// <summary>Patterns found in this row's failures, each with its reason.</summary>
        public IReadOnlyList<SignInPatternFlag> Flags { get; internal set; } = Array.Empty<SignInPatternFlag>();

        /// <summary>The flags' kinds as text: "PasswordSpray, Spike".</summary>
        public string FlagText => string.Join(", ", Flags.Select(f => f.Kind.ToString()).Distinct());

        public override string ToString() => $"{Key}: {Count}";
    }
}
