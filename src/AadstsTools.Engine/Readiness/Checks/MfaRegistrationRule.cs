using System.Linq;
using AadstsTools.Graph.Model;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>Is the user registered for MFA? If not, policies that require it interrupt (AADSTS50072/50079).</summary>
    public sealed class MfaRegistrationRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.MfaRegistration;

        public EvidenceNeeds Needs => EvidenceNeeds.Registration;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            if (evidence.User == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (evidence.IsGuest)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, "Not applicable here: a guest registers MFA in the tenant whose policy asks (or their home tenant's MFA is trusted).");
            }

            if (!evidence.Registration.Collected)
            {
                if (evidence.Methods.Collected)
                {
                    int strong = evidence.Methods.Value.Count(m => m.IsStrongMethod);
                    return strong == 0 ? NotRegistered(" (from the user's authentication methods)") : new ReadinessCheckResult(Check, CheckStatus.Pass, $"{strong} MFA-capable method(s) registered (from the user's authentication methods).");
                }

                return RuleResults.Unavailable(Check, evidence.Registration, "the authentication methods registration report");
            }

            RegistrationDetails? row = evidence.Registration.Value;
            if (row == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, "The registration report has no row for this user.");
            }

            if (!row.IsMfaRegistered)
            {
                return NotRegistered(string.Empty);
            }

            return new ReadinessCheckResult(Check, CheckStatus.Pass, row.IsMfaCapable
                ? $"Registered for MFA ({string.Join(", ", row.MethodsRegistered)})."
                : "Registered for MFA, but the methods aren't allowed by the authentication methods policy; MFA prompts may fail.");
        }

        private ReadinessCheckResult NotRegistered(string source) => new ReadinessCheckResult(Check, CheckStatus.Warning,
            "Not registered for MFA" + source + ": where Conditional Access or security defaults require MFA, the next sign-in is interrupted to register (AADSTS50072), and clients that can't show it fail (AADSTS50079/50076).")
        {
            Codes = new[] { 50072, 50079 },
            Remedy = "Ask the user to register at https://aka.ms/mfasetup, or issue a Temporary Access Pass so they can register.",
        };
    }
}
