using System;
using System.Management.Automation;
using AadstsTools.Connection;
using AadstsTools.Infrastructure;
using AadstsTools.Readiness;

namespace AadstsTools.Commands
{
    /// <summary>Checks whether users can sign in, and if not, why and what to do.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "UserSignInReadiness")]
    [OutputType(typeof(SignInReadiness), typeof(bool))]
    public sealed class TestUserSignInReadinessCommand : AadstsCmdlet
    {
        private ReadinessSession? _session;

        /// <summary>The user's UPN or object id; from the pipeline by value or by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ObjectId", "UserPrincipalName", "UPN")]
        [AllowEmptyString]
        [AllowNull]
        public string?[] UserId { get; set; } = Array.Empty<string>();

        /// <summary>Only these checks (Exists always runs).</summary>
        [Parameter]
        public ReadinessCheck[]? Check { get; set; }

        /// <summary>Start of the sign-in window (default: -Days before now).</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Days of sign-in log to read (default 7; 30 is the longest P1/P2 retention).</summary>
        [Parameter]
        [ValidateRange(1, 30)]
        public int Days { get; set; } = 7;

        /// <summary>Return only $true (the user can sign in now: Ready or AtRisk) or $false, like Test-Path.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            GraphConnection? connection = ConnectionService.Require(ModulePermissions.TestUserSignInReadiness, new TerminatingOutput(this));
            _session = new ReadinessSession(connection!, new ReadinessOptions
            {
                Checks = Check,
                Days = Days,
                Since = Since.HasValue ? new DateTimeOffset(Since.Value.ToUniversalTime(), TimeSpan.Zero) : (DateTimeOffset?)null,
            }, Quiet);
        }

        protected override void ProcessRecord()
        {
            foreach (string? user in UserId)
            {
                if (_session!.Add(user))
                {
                    RunEngine(_session.FlushAsync);
                }
            }
        }

        protected override void EndProcessing() => RunEngine(_session!.FlushAsync);
    }
}
