using System;
using System.Management.Automation;
using System.Security;
using AadstsTools.Connection;
using AadstsTools.Infrastructure;
using AadstsTools.Journal;
using AadstsTools.Output;
using AadstsTools.Reset;

namespace AadstsTools.Commands
{
    /// <summary>Resets users' passwords through Microsoft Graph: safe by default, one user or thousands.</summary>
    [Cmdlet(VerbsCommon.Reset, "AadUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = GenerateSet)]
    [OutputType(typeof(PasswordResetResult))]
    public sealed class ResetAadUserPasswordCommand : AadstsCmdlet, IDisposable
    {
        private const string GenerateSet = "Generate";
        private const string GivenSet = "Given";
        private const string ForceChangeOnlySet = "ForceChangeOnly";

        private ResetSession? _session;

        /// <summary>The user's UPN or object id; from the pipeline by value or by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ObjectId", "UserPrincipalName", "UPN")]
        [AllowEmptyString]
        [AllowNull]
        public string?[] UserId { get; set; } = Array.Empty<string>();

        /// <summary>The new password; generated per user when not given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GivenSet)]
        public SecureString? NewPassword { get; set; }

        /// <summary>Length of generated passwords (8-256, default 16).</summary>
        [Parameter(ParameterSetName = GenerateSet)]
        [ValidateRange(8, 256)]
        public int Length { get; set; } = 16;

        /// <summary>Generate passwords without look-alike characters, for reading over the phone.</summary>
        [Parameter(ParameterSetName = GenerateSet)]
        [Alias("AvoidLookAlikes")]
        public SwitchParameter AvoidAmbiguousCharacters { get; set; }

        /// <summary>Set no password; only force a change at the next sign-in.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ForceChangeOnlySet)]
        public SwitchParameter ForceChangeOnly { get; set; }

        /// <summary>Force a change at the next sign-in (default $true, as Microsoft recommends).</summary>
        [Parameter(ParameterSetName = GenerateSet)]
        [Parameter(ParameterSetName = GivenSet)]
        public bool ForceChangePasswordNextSignIn { get; set; } = true;

        /// <summary>The user must complete MFA before choosing the new password.</summary>
        [Parameter]
        public SwitchParameter RequireMfaBeforeChange { get; set; }

        /// <summary>Revoke the user's sign-in sessions after a successful reset.</summary>
        [Parameter]
        public SwitchParameter RevokeSessions { get; set; }

        /// <summary>Journal every state change here (JSON Lines); a re-run resumes from it.</summary>
        [Parameter]
        public string? JournalPath { get; set; }

        /// <summary>Reset again the users whose outcome the journal can't tell.</summary>
        [Parameter]
        public SwitchParameter ResetUnknown { get; set; }

        /// <summary>Also return the new password in plain text (PlainTextPassword).</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        /// <summary>Reset without asking for confirmation (-WhatIf still applies).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            GraphConnection? connection = ConnectionService.Require(ModulePermissions.ResetAadUserPassword, new TerminatingOutput(this));
            var options = new ResetOptions
            {
                NewPassword = NewPassword,
                Length = Length,
                AvoidLookAlikes = AvoidAmbiguousCharacters,
                ForceChangeOnly = ForceChangeOnly,
                ForceChangePasswordNextSignIn = ForceChangeOnly || ForceChangePasswordNextSignIn,
                RequireMfaBeforeChange = RequireMfaBeforeChange,
                RevokeSessions = RevokeSessions,
                JournalPath = JournalPath == null ? null : GetUnresolvedProviderPathFromPSPath(JournalPath),
                ResetUnknown = ResetUnknown,
                AsPlainText = AsPlainText,
            };
            try
            {
                _session = new ResetSession(connection!, options);
            }
            catch (JournalFileException ex)
            {
                ThrowTerminatingError(ToErrorRecord(new EngineError("JournalUnavailable", ex.Kind, ex.Message, JournalPath) { Exception = ex }));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ToErrorRecord(new EngineError("InvalidResetRequest", ErrorKind.InvalidArgument, ex.Message, null)));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (string? user in UserId)
            {
                if (_session!.Add(user))
                {
                    Flush();
                }
            }
        }

        protected override void EndProcessing() => Flush();

        public void Dispose() => _session?.Dispose();

        protected override bool Approve(string target, string action) =>
            (Force && !WhatIfRequested()) || ShouldProcess(target, action);

        private void Flush()
        {
            try
            {
                RunEngine(_session!.FlushAsync);
            }
            catch (JournalFileException ex)
            {
                ThrowTerminatingError(ToErrorRecord(new EngineError("JournalWriteFailed", ex.Kind, ex.Message + " The run stopped so that no reset goes unjournaled.", JournalPath) { Exception = ex }));
            }
        }

        private bool WhatIfRequested() =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value) && value is SwitchParameter whatIf && whatIf.IsPresent)
            || (GetVariableValue("WhatIfPreference") is SwitchParameter preference && preference.IsPresent)
            || (GetVariableValue("WhatIfPreference") is bool flag && flag);
    }
}
