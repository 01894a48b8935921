namespace AadstsTools.Readiness.Checks
{
    /// <summary>Is a password change forced at the next sign-in (set by an admin reset)?</summary>
    public sealed class ForcedPasswordChangeRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.ForcedPasswordChange;

        public EvidenceNeeds Needs => EvidenceNeeds.User;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            var user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            // Graph returns passwordProfile only while a forced change is pending; the gateway always asks for it.
            if (user.ForceChangePasswordNextSignIn != true)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, "No password change is pending.");
            }

            string mfa = user.ForceChangePasswordNextSignInWithMfa == true ? " after completing MFA" : string.Empty;
            return new ReadinessCheckResult(Check, CheckStatus.Warning,
                $"The user must change the password at the next interactive sign-in{mfa}: a browser or modern app shows the prompt, but apps that can't (legacy protocols, scripts, some mail clients) keep failing until it is done.")
            {
                Remedy = "Ask the user to sign in once in a browser (https://myaccount.microsoft.com) and set the new password.",
            };
        }
    }
}
