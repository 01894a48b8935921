using System;
using System.Linq;

namespace AadstsTools.SignIns
{
    /// <summary>
    /// One sign-in attempt, whatever it was read from: a row of the Entra admin center's download (CSV or
    /// JSON) or a Microsoft Graph signIn. Sources map their own shape to this; the analysis reads only this.
    /// </summary>
    public sealed class SignInEvent
    {
        /// <summary>When the sign-in happened, in UTC.</summary>
        public DateTimeOffset TimeUtc { get; init; }

        /// <summary>The user's object id (empty for application and managed-identity sign-ins).</summary>
        public string? UserId { get; init; }

        public string? UserPrincipalName { get; init; }

        public string? UserDisplayName { get; init; }

        /// <summary>For application and managed-identity sign-ins: the signing-in service principal.</summary>
        public string? ServicePrincipalId { get; init; }

        public string? ServicePrincipalName { get; init; }

        /// <summary>The client application's id (appId).</summary>
        public string? AppId { get; init; }

        public string? AppDisplayName { get; init; }

        public string? IpAddress { get; init; }

        public string? City { get; init; }

        public string? State { get; init; }

        public string? CountryOrRegion { get; init; }

        /// <summary>"Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync", "IMAP4"…</summary>
        public string? ClientApp { get; init; }

        /// <summary>The AADSTS error code; 0 is a successful sign-in.</summary>
        public int ErrorCode { get; init; }

        public string? FailureReason { get; init; }

        public string? AdditionalDetails { get; init; }

        public string? CorrelationId { get; init; }

        /// <summary>The request id (a Graph signIn's id; the download's "Request ID").</summary>
        public string? RequestId { get; init; }

        /// <summary>"Success", "Failure" or "NotApplied" (Graph's conditionalAccessStatus, normalised).</summary>
        public string? ConditionalAccessStatus { get; init; }

        /// <summary>True for interactive sign-ins; null when the source does not say.</summary>
        public bool? IsInteractive { get; init; }

        public SignInLogType LogType { get; init; }

        /// <summary>Where the event was read: "InteractiveSignIns.csv:42", or "Graph".</summary>
        public string? Origin { get; init; }

        public bool Succeeded => ErrorCode == 0;

        /// <summary>Who signed in: the UPN, else the service principal's name, else an id.</summary>
        public string? Principal => FirstText(UserPrincipalName, ServicePrincipalName, UserDisplayName, UserId, ServicePrincipalId);

        /// <summary>The app's name, else its id.</summary>
        public string? App => FirstText(AppDisplayName, AppId);

        /// <summary>"Seattle, Washington, US", leaving out the parts that are missing.</summary>
        public string? Location
        {
            get
            {
                string text = string.Join(", ", new[] { City, State, CountryOrRegion }.Where(p => !string.IsNullOrEmpty(p)));
                return text.Length == 0 ? null : text;
            }
        }

        private static string? FirstText(params string?[] values)
        {
            foreach (string? value in values)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    return value;
                }
            }

            return null;
        }

        public override string ToString() => $"{TimeUtc:u} {Principal} {App} {ErrorCode}";
    }
}
