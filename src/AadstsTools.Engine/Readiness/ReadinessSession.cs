using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using AadstsTools.Catalog;
using AadstsTools.Connection;
using AadstsTools.Inputs;
using AadstsTools.Output;

namespace AadstsTools.Readiness
{
    /// <summary>
    /// Test-UserSignInReadiness over a pipeline: inputs arrive one by one, are checked a set at a time, and
    /// every input gets exactly one answer (or, with -Quiet, true when the user can sign in now).
    /// </summary>
    public sealed class ReadinessSession
    {
        private readonly ReadinessRunner _runner;
        private readonly InputSets _sets;
        private readonly bool _quiet;

        public ReadinessSession(GraphConnection connection, ReadinessOptions options, bool quiet, GuidanceCatalog? catalog = null)
        {
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            _runner = new ReadinessRunner(connection.Gateway, catalog ?? GuidanceCatalog.BuiltIn, options, connection.PermissionGap);
            _sets = new InputSets(options.SetSize);
            _quiet = quiet;
        }

        /// <summary>True when enough inputs wait for a set to be checked.</summary>
        public bool Add(string? input) => _sets.Add(input);

        /// <summary>Checks what waits (a full set, or the rest at the end of the pipeline).</summary>
        public async Task FlushAsync(IEngineOutput output)
        {
            IReadOnlyList<string?> set = _sets.Take();
            if (set.Count == 0)
            {
                return;
            }

            IEngineOutput target = _quiet ? new ProjectingOutput(output, CanSignIn) : output;
            await _runner.CheckSetAsync(set, target).ConfigureAwait(false);
        }

        /// <summary>-Quiet's answer: true for Ready and AtRisk (sign-in works now), false for Blocked and Unknown.</summary>
        public static object CanSignIn(object result) => result is SignInReadiness readiness
            ? readiness.Verdict == ReadinessVerdict.Ready || readiness.Verdict == ReadinessVerdict.AtRisk
            : result;
    }
}
