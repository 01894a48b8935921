using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using AadstsTools.Connection;
using AadstsTools.Inputs;
using AadstsTools.Output;

namespace AadstsTools.Reset
{
    /// <summary>Reset-AadUserPassword over a pipeline: inputs gathered into sets, each set reset together.</summary>
    public sealed class ResetSession : IDisposable
    {
        private readonly ResetRunner _runner;
        private readonly InputSets _sets;

        /// <exception cref="Journal.JournalFileException">The journal can't be opened.</exception>
        /// <exception cref="ArgumentException">The options or the given password can't be used.</exception>
        public ResetSession(GraphConnection connection, ResetOptions options)
        {
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            _runner = new ResetRunner(connection.Gateway, options, connection.PermissionGap);
            _sets = new InputSets(options.SetSize);
        }

        /// <summary>True when a full set waits.</summary>
        public bool Add(string? input) => _sets.Add(input);

        public async Task FlushAsync(IEngineOutput output)
        {
            IReadOnlyList<string?> set = _sets.Take();
            if (set.Count > 0)
            {
                await _runner.ResetSetAsync(set, output).ConfigureAwait(false);
            }
        }

        public void Dispose() => _runner.Dispose();
    }
}
