using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AadstsTools.Catalog;
using AadstsTools.SignIns;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>
    /// What the sign-in log says about the window: lockouts (AADSTS50053) fail the check unless the user
    /// signed in since; repeated wrong passwords (50126) point at a device or app with a stale password;
    /// sessions ended by a password change (50132/50133/50173) are expected; other failures are listed.
    /// </summary>
    public sealed class RecentFailuresRule : IReadinessRule
    {
        /// <summary>From this many wrong-password failures on, a stale saved password is the likely cause.</summary>
        public const int RepeatedWrongPasswordThreshold = 5;

        private static readonly int[] SessionEndedCodes = { 50132, 50133, 50173 };

        private readonly GuidanceCatalog _catalog;

        public RecentFailuresRule(GuidanceCatalog catalog) => _catalog = catalog;

        public ReadinessCheck Check => ReadinessCheck.RecentFailures;

        public EvidenceNeeds Needs => EvidenceNeeds.SignIns;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            var user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (!evidence.SignIns.Collected)
            {
                return RuleResults.Unavailable(Check, evidence.SignIns, "the sign-in logs");
            }

            string window = $"since {RuleResults.Day(evidence.SignInsSince)}";
            string scope = evidence.SignInCodesOnly == null ? string.Empty
                : $" (bulk run: the log was searched for {string.Join(", ", evidence.SignInCodesOnly.OrderBy(c => c))} only)";
            IReadOnlyList<SignInEvent> events = evidence.SignIns.Value;
            var failures = events.Where(e => !e.Succeeded && !IsBenign(e.ErrorCode)).ToList();
            if (failures.Count == 0)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, $"No failed sign-ins {window}{scope}.");
            }

            DateTimeOffset? lastSuccess = evidence.SignInCodesOnly == null && events.Any(e => e.Succeeded) ? events.Where(e => e.Succeeded).Max(e => e.TimeUtc) : (DateTimeOffset?)null;
            string counts = Describe(failures);
            string upn = user.UserPrincipalName;
            int days = Math.Max(1, (int)Math.Ceiling((evidence.Now - evidence.SignInsSince).TotalDays));

            var lockouts = failures.Where(e => e.ErrorCode == 50053).ToList();
            if (lockouts.Count > 0)
            {
                DateTimeOffset last = lockouts.Max(e => e.TimeUtc);
                string reason = lockouts.OrderByDescending(e => e.TimeUtc).Select(e => e.FailureReason).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)) ?? "no failure reason recorded";
                bool recovered = lastSuccess.HasValue && lastSuccess.Value > last;
                return new ReadinessCheckResult(Check, recovered ? CheckStatus.Warning : CheckStatus.Fail,
                    (recovered ? $"Was locked out (AADSTS50053, last {Time(last)}) but has signed in since." : $"Locked out: AADSTS50053 {lockouts.Count} time(s), last at {Time(last)} (\"{reason}\"). Smart lockout follows repeated wrong passwords; the same code also blocks sign-ins from IPs with malicious activity.")
                    + $" Failures {window}: {counts}.{scope}")
                {
                    Codes = new[] { 50053 },
                    Remedy = "Read the Failure reason: for smart lockout, wait for it to expire (it lengthens with each lockout) and find what keeps sending the wrong password; if the attempts aren't the user's, reset the password and revoke sessions.",
                    RemedyCommand = $"Get-AadSignInFailure -UserId {upn} -ErrorCode 50053 -Days {days} -GroupBy IP",
                };
            }

            var wrongPassword = failures.Where(e => e.ErrorCode == 50126).ToList();
            bool stillFailing = !lastSuccess.HasValue || wrongPassword.Count == 0 || lastSuccess.Value < wrongPassword.Max(e => e.TimeUtc);
            if (wrongPassword.Count >= RepeatedWrongPasswordThreshold && stillFailing)
            {
                string apps = Top(wrongPassword.Select(e => e.App));
                string ips = Top(wrongPassword.Select(e => e.IpAddress));
                return new ReadinessCheckResult(Check, CheckStatus.Warning,
                    $"{wrongPassword.Count} wrong-password failures (AADSTS50126) {window}, from {apps} ({ips}): most often a phone, mail app or service still using an old password; if the IPs are unknown, someone is guessing it. Failures: {counts}.{scope}")
                {
                    Codes = new[] { 50126, 50053 },
                    Remedy = "Update the saved password on the device or app named; if the attempts aren't the user's, reset the password and revoke sessions.",
                    RemedyCommand = $"Get-AadSignInFailure -UserId {upn} -ErrorCode 50126 -Days {days} -GroupBy App",
                };
            }

            DateTimeOffset? changed = user.LastPasswordChangeDateTime;
            var remaining = failures.Where(e => !(SessionEndedCodes.Contains(e.ErrorCode) && changed.HasValue && e.TimeUtc >= changed.Value)).ToList();
            if (remaining.Count == 0)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass,
                    $"Only sessions ended by the password change on {RuleResults.Day(changed!.Value)} ({counts}): expected, the user signs in again with the new password.{scope}")
                {
                    Codes = failures.Select(e => e.ErrorCode).Distinct().ToArray(),
                };
            }

            return new ReadinessCheckResult(Check, CheckStatus.Warning, $"{remaining.Count} failed sign-in(s) {window}: {Describe(remaining)}.{scope}")
            {
                Codes = remaining.Select(e => e.ErrorCode).Distinct().ToArray(),
                Remedy = "See the guidance for each code (Get-AadstsGuidance) and the sign-in log's failure reasons.",
                RemedyCommand = $"Get-AadSignInFailure -UserId {upn} -Days {days} -Summary",
            };
        }

        private bool IsBenign(int code) => _catalog.TryGetCode(code, out CatalogEntry entry) && entry.Benign;

        private string Describe(IEnumerable<SignInEvent> failures) => string.Join(", ", failures
            .GroupBy(e => e.ErrorCode)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => $"{g.Key} x{g.Count()}" + (_catalog.TryGetCode(g.Key, out CatalogEntry entry) && entry.Name != null ? $" ({entry.Name})" : string.Empty)));

        private static string Top(IEnumerable<string?> values)
        {
            var top = values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v!, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Key} x{g.Count()}").ToList();
            return top.Count == 0 ? "unknown sources" : string.Join(", ", top);
        }

        private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
