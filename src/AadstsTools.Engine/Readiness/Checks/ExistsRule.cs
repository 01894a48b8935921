using AadstsTools.Graph;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Is there such a user? A missing one sees AADSTS50034.</summary>
    public sealed class ExistsRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.Exists;

        public EvidenceNeeds Needs => EvidenceNeeds.User;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            if (evidence.InputProblem != null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Error, evidence.InputProblem)
                {
                    Remedy = "Give a user principal name (alice@contoso.com) or an object id.",
                };
            }

            if (evidence.User != null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, $"{evidence.User.UserPrincipalName} exists (id {evidence.User.Id}).");
            }

            GraphFailure? failure = evidence.UserFailure;
            if (failure != null && failure.Kind == GraphFailureKind.NotFound)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Fail, $"No user '{evidence.Input}' in the directory; signing in with it fails with AADSTS50034.")
                {
                    Codes = new[] { 50034 },
                    Remedy = "Check the spelling and the domain suffix; a deleted user can be restored from Deleted users for 30 days; a guest must be invited first.",
                    RemedyCommand = $"Get-AadstsGuidance 50034",
                    RequestId = failure.RequestId,
                };
            }

            return failure == null
                ? new ReadinessCheckResult(Check, CheckStatus.Error, "The user could not be read.")
                : RuleResults.FromFailure(Check, failure, "the user");
        }
    }
}
