using System;
using System.Collections.Generic;
using System.Linq;
using AadstsTools.Readiness;

namespace AadstsTools
{
    /// <summary>
    /// Can this user sign in, and if not, what to do (PSTypeName <c>AadstsTools.SignInReadiness</c>): one per
    /// input, with every check's result and the AADSTS codes the user would meet.
    /// </summary>
    public sealed class SignInReadiness
    {
        public SignInReadiness(string input, IReadOnlyList<ReadinessCheckResult> checks, DateTimeOffset checkedAt)
        {
            Input = input;
            Checks = checks;
            CheckedAt = checkedAt;
            Verdict = Decide(checks);
        }

        /// <summary>The user as given (UPN, id, or the bad value).</summary>
        public string Input { get; }

        public string? UserPrincipalName { get; init; }

        public string? UserId { get; init; }

        public string? DisplayName { get; init; }

        public ReadinessVerdict Verdict { get; }

        public IReadOnlyList<ReadinessCheckResult> Checks { get; }

        public DateTimeOffset CheckedAt { get; }

        /// <summary>Every AADSTS code the failing or warning checks predict, once each.</summary>
        public IReadOnlyList<int> PredictedCodes => Predicted(Checks);

        public static IReadOnlyList<int> Predicted(IEnumerable<ReadinessCheckResult> checks) => checks
            .Where(c => c.Status == CheckStatus.Fail || c.Status == CheckStatus.Warning)
            .SelectMany(c => c.Codes).Distinct().ToList();

        /// <summary>The catalog's guidance for the predicted codes.</summary>
        public IReadOnlyList<Guidance> Guidance { get; init; } = Array.Empty<Guidance>();

        /// <summary>The most important finding in one line, for tables.</summary>
        public string Summary
        {
            get
            {
                ReadinessCheckResult? worst = Checks.FirstOrDefault(c => c.Status == CheckStatus.Fail)
                    ?? Checks.FirstOrDefault(c => c.Status == CheckStatus.Error)
                    ?? Checks.FirstOrDefault(c => c.Status == CheckStatus.Warning);
                return worst == null ? "All checks passed." : $"{worst.Check}: {worst.Detail}";
            }
        }

        /// <summary>The checks as "Exists:Pass Enabled:Fail ...", for one-line views.</summary>
        public string CheckStatusText => string.Join(" ", Checks.Select(c => $"{c.Check}:{c.Status}"));

        public ReadinessCheckResult? this[ReadinessCheck check] => Checks.FirstOrDefault(c => c.Check == check);

        /// <summary>Blocked if anything fails, Unknown if a check could not run, AtRisk on warnings, else Ready.</summary>
        public static ReadinessVerdict Decide(IReadOnlyList<ReadinessCheckResult> checks)
        {
            if (checks.Any(c => c.Status == CheckStatus.Fail))
            {
                return ReadinessVerdict.Blocked;
            }

            if (checks.Any(c => c.Status == CheckStatus.Error))
            {
                return ReadinessVerdict.Unknown;
            }

            return checks.Any(c => c.Status == CheckStatus.Warning) ? ReadinessVerdict.AtRisk : ReadinessVerdict.Ready;
        }

        public override string ToString() => $"{UserPrincipalName ?? Input}: {Verdict}";
    }
}
