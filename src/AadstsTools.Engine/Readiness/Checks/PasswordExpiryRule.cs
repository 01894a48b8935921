using System;
using AadstsTools.Graph.Model;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>
    /// Has the password expired? Never when passwordPolicies says DisablePasswordExpiration or the domain
    /// says never; otherwise the last change plus the domain's validity period (expired → AADSTS50055,
    /// within the notification window → warning). Federated users' passwords expire on-premises (AADSTS50144).
    /// </summary>
    public sealed class PasswordExpiryRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.PasswordExpiry;

        public EvidenceNeeds Needs => EvidenceNeeds.Domains;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            DirectoryUser? user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (evidence.IsGuest)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, "Not applicable: a guest's password belongs to their home organisation.");
            }

            if (!evidence.Domains.Collected)
            {
                // Without the domains a user-level "never expires" still answers; anything else needs the policy.
                return user.PasswordNeverExpires ? NeverExpires(user) : RuleResults.Unavailable(Check, evidence.Domains, "the domains' password policies");
            }

            DirectoryDomain? domain = DomainPolicy.Resolve(evidence.Domains.Value, user.UpnDomain);
            if (domain == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning, $"The UPN's domain '{user.UpnDomain}' is not one of the tenant's domains, so its password policy is unknown.")
                {
                    Remedy = "Check the UPN suffix; it should be a verified domain of the tenant.",
                };
            }

            if (domain.IsFederated)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, $"Not decided here: '{domain.Id}' is federated, so the password and its expiry live in on-premises AD; an expired on-premises password shows as AADSTS50144.");
            }

            if (user.PasswordNeverExpires)
            {
                return NeverExpires(user);
            }

            int? validity = domain.PasswordValidityPeriodInDays;
            if (validity.HasValue && validity.Value >= DomainPolicy.NeverExpiresThreshold)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, $"Never expires: '{domain.Id}' sets passwords never to expire.");
            }

            if (user.LastPasswordChangeDateTime == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning, "Graph has no last password change date for this user, so the expiry date can't be computed.");
            }

            DateTimeOffset changed = user.LastPasswordChangeDateTime.Value;
            int days = validity ?? DomainPolicy.DefaultValidityDays;
            int window = domain.PasswordNotificationWindowInDays ?? DomainPolicy.DefaultNotificationDays;
            DateTimeOffset expires = changed.AddDays(days);
            string assumption = validity.HasValue ? string.Empty
                : $" '{domain.Id}' returns no validity period: that means {DomainPolicy.DefaultValidityDays} days in older tenants, while tenants created since 2021 default to no expiry; check Microsoft 365 admin center › Settings › Org settings › Security & privacy › Password expiration policy.";

            if (evidence.Now >= expires)
            {
                int ago = (int)(evidence.Now - expires).TotalDays;
                string detail = $"The password expired on {RuleResults.Day(expires)} ({ago} day(s) ago; last changed {RuleResults.Day(changed)}, {days}-day policy of '{domain.Id}'); sign-in fails with AADSTS50055 until it is changed.";
                return new ReadinessCheckResult(Check, validity.HasValue ? CheckStatus.Fail : CheckStatus.Warning, detail + assumption)
                {
                    Codes = new[] { 50055 },
                    Remedy = "The user changes it at the sign-in prompt or resets it with SSPR (https://aka.ms/sspr); otherwise an admin resets it with a forced change at next sign-in.",
                    RemedyCommand = $"Reset-AadUserPassword -UserId {user.UserPrincipalName}",
                };
            }

            if (evidence.Now >= expires.AddDays(-window))
            {
                int left = Math.Max(0, (int)Math.Ceiling((expires - evidence.Now).TotalDays));
                return new ReadinessCheckResult(Check, CheckStatus.Warning, $"The password expires on {RuleResults.Day(expires)}, in {left} day(s) (inside the {window}-day notification window); after that, AADSTS50055." + assumption)
                {
                    Codes = new[] { 50055 },
                    Remedy = "Ask the user to change the password now (https://myaccount.microsoft.com › Password) and then update it on every device and app.",
                };
            }

            return new ReadinessCheckResult(Check, CheckStatus.Pass, $"Expires on {RuleResults.Day(expires)} (last changed {RuleResults.Day(changed)}, {days}-day policy of '{domain.Id}')." + assumption);
        }

        private ReadinessCheckResult NeverExpires(DirectoryUser user) => new ReadinessCheckResult(Check, CheckStatus.Pass, user.OnPremisesSyncEnabled == true
            ? "Never expires in the cloud (passwordPolicies: DisablePasswordExpiration, as Entra Connect sets it for password hash sync): expiry is enforced by on-premises AD, and an expired on-premises password shows as AADSTS50144 only with pass-through authentication."
            : "Never expires (passwordPolicies: DisablePasswordExpiration).");
    }
}
