using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using AadstsTools.Connection;
using AadstsTools.Output;

namespace AadstsTools.Reset
{
    /// <summary>Reset-AadUserPassword over a pipeline: inputs gathered into sets, each set reset together.</summary>
    public sealed class ResetSession : IDisposable
    {
        private readonly ResetRunner _runner;
        private readonly List<string?> _pending = new List<string?>();
        private readonly int _setSize;

        /// <exception cref="Journal.JournalFileException">The journal can't be opened.</exception>
        /// <exception cref="ArgumentException">The options or the given password can't be used.</exception>
        public ResetSession(GraphConnection connection, ResetOptions options)
        {
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            _runner = new ResetRunner(connection.Gateway, options, connection.PermissionGap);
            _setSize = Math.Max(1, options.SetSize);
        }

        /// <summary>True when a full set waits.</summary>
        public bool Add(string? input)
        {
            _pending.Add(input);
            return _pending.Count >= _setSize;
        }

        public async Task FlushAsync(IEngineOutput output)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var set = _pending.ToArray();
            _pending.Clear();
            await _runner.ResetSetAsync(set, output).ConfigureAwait(false);
        }

        public void Dispose() => _runner.Dispose();
    }
}
