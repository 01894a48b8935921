using System;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Member or guest: guests sign in with their home organisation's account.</summary>
    public sealed class UserTypeRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.UserType;

        public EvidenceNeeds Needs => EvidenceNeeds.User;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            if (evidence.User == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (evidence.IsGuest)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass,
                    "Guest (B2B) account: the user signs in with their home organisation's (or personal) account, so password expiry, reset and MFA registration there are their home tenant's business; an unredeemed invitation or a cross-tenant access policy shows as AADSTS50020, 16000 or 500213.")
                {
                    Remedy = "For sign-in problems, check the invitation state and cross-tenant access settings; password resets happen in the guest's home tenant.",
                };
            }

            string type = string.IsNullOrEmpty(evidence.User.UserType) ? "Member" : evidence.User.UserType!;
            return new ReadinessCheckResult(Check, CheckStatus.Pass, string.Equals(type, "Member", StringComparison.OrdinalIgnoreCase) ? "Member account." : $"{type} account.");
        }
    }
}
