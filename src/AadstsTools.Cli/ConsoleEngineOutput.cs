using System;
using System.Collections.Generic;
using System.Threading;
using AadstsTools.Output;

namespace AadstsTools.Cli
{
    /// <summary>
    /// The engine's output for the CLI: results are collected for rendering, errors and warnings go to
    /// standard error as they happen, verbose text only with --verbose.
    /// </summary>
    internal sealed class ConsoleEngineOutput : IEngineOutput
    {
        private readonly CliConsole _console;
        private readonly bool _verbose;
        private readonly Func<string, string, bool> _shouldProcess;
        private readonly object _gate = new object();

        public ConsoleEngineOutput(CliConsole console, bool verbose, CancellationToken cancellation, Func<string, string, bool>? shouldProcess = null)
        {
            _console = console;
            _verbose = verbose;
            CancellationToken = cancellation;
            _shouldProcess = shouldProcess ?? ((_, _) => true);
        }

        public List<object> Results { get; } = new List<object>();

        public int ErrorCount { get; private set; }

        public Action<object>? OnObject { get; set; }

        public CancellationToken CancellationToken { get; }

        public void WriteObject(object item)
        {
            lock (_gate)
            {
                if (OnObject != null)
                {
                    OnObject(item);
                }
                else
                {
                    Results.Add(item);
                }
            }
        }

        public void WriteError(EngineError error)
        {
            lock (_gate)
            {
                ErrorCount++;
                _console.Error.WriteLine("error: " + error.Message);
                if (error.RecommendedAction != null)
                {
                    _console.Error.WriteLine("       " + error.RecommendedAction);
                }
            }
        }

        public void WriteWarning(string message)
        {
            lock (_gate)
            {
                _console.Error.WriteLine("warning: " + message);
            }
        }

        public void WriteVerbose(string message)
        {
            if (_verbose)
            {
                lock (_gate)
                {
                    _console.Error.WriteLine("verbose: " + message);
                }
            }
        }

        public void WriteDebug(string message)
        {
        }

        public void WriteProgress(ProgressUpdate progress)
        {
            if (_verbose && !progress.Completed)
            {
                lock (_gate)
                {
                    _console.Error.WriteLine($"progress: {progress.Activity}: {progress.Status}");
                }
            }
        }

        public bool ShouldProcess(string target, string action) => _shouldProcess(target, action);
    }
}
