namespace AadstsTools.Readiness.Checks
{
    /// <summary>Is the account enabled? A disabled one sees AADSTS50057.</summary>
    public sealed class EnabledRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.Enabled;

        public EvidenceNeeds Needs => EvidenceNeeds.User;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            var user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (user.AccountEnabled == true)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, "The account is enabled.");
            }

            if (user.AccountEnabled == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Error, "Graph did not return accountEnabled for this user.");
            }

            bool synced = user.OnPremisesSyncEnabled == true;
            return new ReadinessCheckResult(Check, CheckStatus.Fail, "The account is disabled; every sign-in fails with AADSTS50057." + (synced ? " It is synced from on-premises AD, where it is disabled." : string.Empty))
            {
                Codes = new[] { 50057 },
                Remedy = synced
                    ? "Enable the account in on-premises Active Directory (Enable-ADAccount); the next sync carries it to Entra ID."
                    : "If the account should sign in, enable it (Entra admin center › Users › the user › Account enabled, or Microsoft Graph PowerShell).",
                RemedyCommand = synced ? $"Enable-ADAccount -Identity <sAMAccountName of {user.UserPrincipalName}>" : $"Update-MgUser -UserId {user.Id} -AccountEnabled:$true",
            };
        }
    }
}
