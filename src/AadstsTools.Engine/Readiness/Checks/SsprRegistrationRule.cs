using System.Linq;
using AadstsTools.Graph.Model;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>
    /// Can the user reset their own password? From the registration report (P1/P2), or for a few users
    /// from their authentication methods when the report is unavailable.
    /// </summary>
    public sealed class SsprRegistrationRule : IReadinessRule
    {
        public ReadinessCheck Check => ReadinessCheck.SsprRegistration;

        public EvidenceNeeds Needs => EvidenceNeeds.Registration;

        public ReadinessCheckResult Evaluate(UserEvidence evidence)
        {
            var user = evidence.User;
            if (user == null)
            {
                return RuleResults.NoUser(Check, evidence);
            }

            if (evidence.IsGuest)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, "Not applicable: guests reset their password in their home organisation.");
            }

            if (!evidence.Registration.Collected)
            {
                return evidence.Methods.Collected ? FromMethods(evidence) : RuleResults.Unavailable(Check, evidence.Registration, "the authentication methods registration report");
            }

            RegistrationDetails? row = evidence.Registration.Value;
            if (row == null)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Skipped, user.AccountEnabled == false
                    ? "The registration report leaves out disabled users."
                    : "The registration report has no row for this user yet (new users appear after a while).");
            }

            string admin = row.IsAdmin ? " As an administrator the user always gets the stricter two-method reset policy, whatever the tenant's SSPR settings." : string.Empty;
            if (!row.IsSsprEnabled)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Pass, "Self-service password reset is not enabled for this user, so a forgotten or expired password needs the helpdesk." + admin)
                {
                    Remedy = "Enable SSPR for the user's group (Entra admin center › Password reset › Properties) if they should reset their own password.",
                };
            }

            if (!row.IsSsprRegistered)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning,
                    "SSPR is enabled but the user hasn't registered methods: the next sign-in may be interrupted to register (AADSTS50125), and a forgotten password can't be self-reset." + admin)
                {
                    Codes = new[] { 50125 },
                    Remedy = "Ask the user to register at https://aka.ms/ssprsetup (or pre-fill their authentication phone and email).",
                };
            }

            if (!row.IsSsprCapable)
            {
                return new ReadinessCheckResult(Check, CheckStatus.Warning, $"Registered for SSPR but not capable: the registered methods ({Methods(row)}) don't satisfy the reset policy." + admin)
                {
                    Codes = new[] { 50125 },
                    Remedy = "Ask the user to add the methods the policy asks for at https://aka.ms/ssprsetup.",
                };
            }

            return new ReadinessCheckResult(Check, CheckStatus.Pass, $"Registered and able to reset their own password ({Methods(row)})." + admin);
        }

        private ReadinessCheckResult FromMethods(UserEvidence evidence)
        {
            int strong = evidence.Methods.Value.Count(m => m.IsStrongMethod);
            string source = " (from the user's authentication methods: the registration report needs Entra ID P1/P2, so whether SSPR is enabled for the user is unknown)";
            return strong == 0
                ? new ReadinessCheckResult(Check, CheckStatus.Warning, "No method besides the password is registered: self-service reset is impossible and a registration interrupt (AADSTS50125) may come" + source + ".")
                {
                    Codes = new[] { 50125 },
                    Remedy = "Ask the user to register at https://aka.ms/ssprsetup.",
                }
                : new ReadinessCheckResult(Check, CheckStatus.Pass, $"{strong} method(s) besides the password registered" + source + ".");
        }

        private static string Methods(RegistrationDetails row) => row.MethodsRegistered.Count == 0 ? "none" : string.Join(", ", row.MethodsRegistered);
    }
}
