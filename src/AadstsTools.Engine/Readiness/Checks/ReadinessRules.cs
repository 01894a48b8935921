using System.Collections.Generic;
using System.Linq;
using AadstsTools.Catalog;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Every check, in the order results show them.</summary>
    public static class ReadinessRules
    {
        public static IReadOnlyList<IReadinessRule> All(GuidanceCatalog catalog) => new IReadinessRule[]
        {
            new ExistsRule(),
            new EnabledRule(),
            new UserTypeRule(),
            new PasswordExpiryRule(),
            new ForcedPasswordChangeRule(),
            new OnPremisesSyncRule(),
            new FederationRule(),
            new SsprRegistrationRule(),
            new MfaRegistrationRule(),
            new RecentFailuresRule(catalog),
        };

        /// <summary>The chosen checks (all when none are named); Exists always runs, everything rests on it.</summary>
        public static IReadOnlyList<IReadinessRule> Select(GuidanceCatalog catalog, IReadOnlyCollection<ReadinessCheck>? checks) =>
            checks == null || checks.Count == 0
                ? All(catalog)
                : All(catalog).Where(r => r.Check == ReadinessCheck.Exists || checks.Contains(r.Check)).ToList();
    }
}
