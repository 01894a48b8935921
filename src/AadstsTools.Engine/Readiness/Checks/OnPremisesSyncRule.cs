using System;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Synced from on-premises AD, and how recently: a stale sync means on-premises changes haven't arrived.</summary>
    public sealed class OnPremisesSyncRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.OnPremisesSync;

        public EvidenceNeeds Needs => EvidenceNeeds.User;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            var user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (user.OnPremisesSyncEnabled == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, "Cloud-only account (never synced from on-premises AD).");
            }

            if (user.OnPremisesSyncEnabled == false)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, "Was synced from on-premises AD but no longer is: the cloud account is managed on its own now.");
            }

            if (user.OnPremisesLastSyncDateTime == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning, "Synced from on-premises AD, but Graph reports no last sync time.");
            }

            TimeSpan age = evidence.Now - user.OnPremisesLastSyncDateTime.Value;
            string when = $"{RuleResults.Day(user.OnPremisesLastSyncDateTime.Value)} ({FormatAge(age)} ago)";
            if (age > evidence.StaleSyncAfter)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning,
                    $"Synced from on-premises AD; last synced {when}. Entra Connect normally syncs every 30 minutes, so password or account changes made on-premises since then may not have reached the cloud (the new password fails with AADSTS50126).")
                {
                    Codes = new[] { 50126 },
                    Remedy = "Check Entra Connect (or Cloud Sync) health and the sync errors for this object; start a delta sync with Start-ADSyncSyncCycle -PolicyType Delta on the Connect server.",
                    RemedyCommand = "Start-ADSyncSyncCycle -PolicyType Delta",
                };
            }

            return new ReadinessCheckResult(Check, CheckStatus.Pass, $"Synced from on-premises AD; last synced {when}. Password changes and resets for this user belong on-premises (or need password writeback).");
        }

        private static string FormatAge(TimeSpan age) =>
            age.TotalDays >= 1 ? $"{(int)age.TotalDays} day(s)" : age.TotalHours >= 1 ? $"{(int)age.TotalHours} hour(s)" : $"{Math.Max(0, (int)age.TotalMinutes)} minute(s)";
    }
}
