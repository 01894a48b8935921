namespace AadstsTools.Readiness.Checks
{
    /// <summary>One readiness check: judges the evidence about one user.</summary>
    public interface IReadinessRule
    {
        ReadinessCheck Check { get; }

        /// <summary>Which Graph data it needs, so a run only fetches what its checks use.</summary>
        EvidenceNeeds Needs { get; }

        ReadinessCheckResult Evaluate(UserEvidence evidence);
    }

    /// <summary>The Graph data a check reads beyond the user object.</summary>
    [System.Flags]
    public enum EvidenceNeeds
    {
        User = 0,
        Domains = 1,
        Registration = 2,
        SignIns = 4,
    }
}
