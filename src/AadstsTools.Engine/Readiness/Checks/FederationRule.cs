using AadstsTools.Graph.Model;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Is the UPN's domain federated? Then the password is checked (and reset) on-premises.</summary>
    public sealed class FederationRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.Federation;

        public EvidenceNeeds Needs => EvidenceNeeds.Domains;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            var user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (evidence.IsGuest)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, "Not applicable: guests authenticate at their home organisation.");
            }

            if (!evidence.Domains.Collected)
            {
                return RuleResults.Unavailable(Check, evidence.Domains, "the tenant's domains");
            }

            DirectoryDomain? domain = DomainPolicy.Resolve(evidence.Domains.Value, user.UpnDomain);
            if (domain == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning, $"The UPN's domain '{user.UpnDomain}' is not a domain of this tenant; sign-in with this UPN may not reach the tenant.");
            }

            if (domain.IsFederated)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass,
                    $"'{domain.Id}' is federated: the federation service (e.g. AD FS) checks the password, so a cloud password reset is not possible for this user and an expired on-premises password shows as AADSTS50144.")
                {
                    Remedy = "Reset passwords on-premises (or through SSPR with password writeback).",
                };
            }

            return new ReadinessCheckResult(Check, CheckStatus.Pass, $"'{domain.Id}' is a managed domain: Entra ID checks the password (cloud, password hash sync or pass-through).");
        }
    }
}
