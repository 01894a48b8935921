using System;
using System.Linq;
using System.Text.Json.Serialization;
using AadstsTools.SignIns;

namespace AadstsTools
{
    /// <summary>
    /// One failed sign-in with what its code means and how to fix it (PSTypeName <c>AadstsTools.SignInFailure</c>).
    /// With -IncludeSuccess, successful sign-ins come out as this type too (ErrorCode 0, no guidance).
    /// </summary>
    public sealed class SignInFailure
    {
        internal SignInFailure(SignInEvent signIn, Guidance? guidance)
        {
            Event = signIn;
            Guidance = guidance;
            FixCommand = guidance == null ? null : FixCommandOf(guidance);
        }

        /// <summary>The sign-in as read from its source.</summary>
        [JsonIgnore]
        public SignInEvent Event { get; }

        public DateTime TimeUtc => Event.TimeUtc.UtcDateTime;

        /// <summary>Who signed in: the UPN, else the service principal, else an id.</summary>
        public string? User => Event.Principal;

        public string? UserPrincipalName => Event.UserPrincipalName;

        public string? UserDisplayName => Event.UserDisplayName;

        public string? UserId => Event.UserId;

        public string? ServicePrincipalId => Event.ServicePrincipalId;

        /// <summary>The app's name, else its id.</summary>
        public string? App => Event.App;

        public string? AppDisplayName => Event.AppDisplayName;

        public string? AppId => Event.AppId;

        public string? IpAddress => Event.IpAddress;

        public string? Location => Event.Location;

        public string? ClientApp => Event.ClientApp;

        public int ErrorCode => Event.ErrorCode;

        /// <summary>"AADSTS50126"; empty for a success.</summary>
        public string Code => Event.ErrorCode == 0 ? string.Empty : "AADSTS" + Event.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string? FailureReason => Event.FailureReason;

        public string? AdditionalDetails => Event.AdditionalDetails;

        public string? CorrelationId => Event.CorrelationId;

        public string? RequestId => Event.RequestId;

        public string? ConditionalAccessStatus => Event.ConditionalAccessStatus;

        public bool? IsInteractive => Event.IsInteractive;

        public SignInLogType LogType => Event.LogType;

        public bool Succeeded => Event.Succeeded;

        /// <summary>True for expected interrupts the catalog marks benign (50058, 50140…).</summary>
        public bool Benign => Guidance?.Benign ?? false;

        /// <summary>The code's symbolic name or title.</summary>
        public string? Title => Guidance == null ? null : Guidance.Name ?? Guidance.Title;

        public string? Category => Guidance?.CategoryName;

        /// <summary>What the code means, from the catalog.</summary>
        public string? GuidanceSummary => Guidance?.Summary;

        /// <summary>The command of this module that checks or fixes it, from the catalog (adapt the placeholders).</summary>
        public string? FixCommand { get; }

        /// <summary>The full guidance: causes, diagnosis, steps, links.</summary>
        [JsonIgnore]
        public Guidance? Guidance { get; }

        /// <summary>Where the sign-in was read: "InteractiveSignIns.csv:42", or "Graph".</summary>
        public string? Origin => Event.Origin;

        /// <summary>
        /// The catalog's first related command that acts on the cause (the triage and lookup commands point
        /// back here, so they come last), as a command line.
        /// </summary>
        internal static string? FixCommandOf(Guidance guidance)
        {
            var commands = guidance.RelatedCommands;
            var fixing = commands.FirstOrDefault(c => c.Command != "Get-AadSignInFailure" && c.Command != "Get-AadstsGuidance");
            return (fixing ?? commands.FirstOrDefault())?.CommandLine;
        }

        public override string ToString() => $"{TimeUtc:u} {User} {App} {(Succeeded ? "Success" : Code)}";
    }
}
