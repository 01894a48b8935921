using System;
using System.Collections.Generic;
using System.Linq;

namespace AadstsTools
{
    /// <summary>
    /// The outcome of one readiness check for one user (PSTypeName <c>AadstsTools.ReadinessCheckResult</c>):
    /// status, what was found, the AADSTS codes it predicts or explains, and the remedy.
    /// </summary>
    public sealed class ReadinessCheckResult
    {
        public ReadinessCheckResult(Readiness.ReadinessCheck check, Readiness.CheckStatus status, string detail)
        {
            Check = check;
            Status = status;
            Detail = detail;
        }

        public Readiness.ReadinessCheck Check { get; }

        public Readiness.CheckStatus Status { get; }

        /// <summary>What was found, in a sentence or two.</summary>
        public string Detail { get; }

        /// <summary>The AADSTS codes the user would see (or did see) because of this finding.</summary>
        public IReadOnlyList<int> Codes { get; init; } = Array.Empty<int>();

        /// <summary>What to do about it, in words.</summary>
        public string? Remedy { get; init; }

        /// <summary>A ready-to-run command (of this module where one exists).</summary>
        public string? RemedyCommand { get; init; }

        /// <summary>For Skipped: the permission, role or licence the check needs.</summary>
        public string? Requires { get; init; }

        /// <summary>For Error: Graph's request-id.</summary>
        public string? RequestId { get; init; }

        /// <summary>"AADSTS50055, AADSTS50144".</summary>
        public string CodesText => string.Join(", ", Codes.Select(c => "AADSTS" + c));

        public override string ToString() => $"{Check}: {Status} - {Detail}";
    }
}
