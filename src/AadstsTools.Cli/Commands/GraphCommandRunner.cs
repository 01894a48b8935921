using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Connection;
using AadstsTools.Journal;

namespace AadstsTools.Cli.Commands
{
    /// <summary>What every Graph command of the CLI does around its work: sign in, map setup errors to exit codes.</summary>
    internal static class GraphCommandRunner
    {
        public static async Task<int> RunAsync(CliConsole console, GraphOptions graph, ParseResult parse, bool verbose, CancellationToken cancellation,
            Func<GraphConnection, ConsoleEngineOutput, Task<int>> work)
        {
            var output = new ConsoleEngineOutput(console, verbose, cancellation);
            try
            {
                ConnectionRequest request = graph.ToRequest(parse, message => console.Error.WriteLine(message));
                GraphConnection? connection = await ConnectionService.TryConnectAsync(request, output).ConfigureAwait(false);
                if (connection == null)
                {
                    return ExitCodes.InputError;
                }

                return await work(connection, output).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                console.Error.WriteLine("error: " + ex.Message);
                return ExitCodes.UsageError;
            }
            catch (InvalidDataException ex)
            {
                console.Error.WriteLine("error: " + ex.Message);
                return ExitCodes.InputError;
            }
            catch (JournalFileException ex)
            {
                console.Error.WriteLine("error: " + ex.Message);
                return ExitCodes.InputError;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                console.Error.WriteLine("Cancelled.");
                return ExitCodes.Cancelled;
            }
        }
    }
}
