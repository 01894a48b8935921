using AadstsTools.Graph;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Shared ways of saying "couldn't check": Skipped for what's missing, Error for what failed.</summary>
    internal static class RuleResults
    {
        public static ReadinessCheckResult FromFailure(ReadinessCheck check, GraphFailure failure, string what)
        {
            switch (failure.Kind)
            {
                case GraphFailureKind.PermissionMissing:
                    string requires = failure.RequiredRole == null ? failure.RequiredPermission ?? "a Graph permission" : $"{failure.RequiredPermission} ({failure.RequiredRole})";
                    return new ReadinessCheckResult(check, CheckStatus.Skipped, $"Skipped: reading {what} needs {requires}.")
                    {
                        Requires = requires,
                        RequestId = failure.RequestId,
                        Remedy = "Grant the permission (and role) and connect again with Connect-AadstsGraph.",
                    };
                case GraphFailureKind.LicenseMissing:
                    return new ReadinessCheckResult(check, CheckStatus.Skipped, $"Skipped: reading {what} needs Microsoft Entra ID P1 or P2 in the tenant.")
                    {
                        Requires = "Microsoft Entra ID P1 or P2",
                        RequestId = failure.RequestId,
                    };
                default:
                    return new ReadinessCheckResult(check, CheckStatus.Error, $"Could not read {what}: {failure}")
                    {
                        RequestId = failure.RequestId,
                        Remedy = failure.RecommendedAction,
                    };
            }
        }

        /// <summary>For data not gathered: the failure if there was one, else Skipped with the reason.</summary>
        public static ReadinessCheckResult Unavailable<T>(ReadinessCheck check, Evidence<T> evidence, string what) =>
            evidence.Failure != null
                ? FromFailure(check, evidence.Failure, what)
                : new ReadinessCheckResult(check, CheckStatus.Skipped, $"Skipped: {evidence.NotCollected ?? what + " was not read"}.");

        public static ReadinessCheckResult NoUser(ReadinessCheck check, UserEvidence evidence) =>
            new ReadinessCheckResult(check, CheckStatus.Skipped, evidence.InputProblem != null
                ? "Skipped: the input is not a user."
                : evidence.UserFailure?.Kind == GraphFailureKind.NotFound ? "Skipped: the user does not exist." : "Skipped: the user could not be read.");

        public static string Day(System.DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
