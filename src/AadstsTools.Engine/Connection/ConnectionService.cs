using System;
using System.Threading.Tasks;
using AadstsTools.Graph;
using AadstsTools.Output;
using Azure.Identity;

namespace AadstsTools.Connection
{
    /// <summary>Connect-AadstsGraph, Disconnect-AadstsGraph and Get-AadstsGraphContext, behind the cmdlets.</summary>
    public static class ConnectionService
    {
        /// <summary>Signs in, makes the connection current and writes its context; errors say what to fix.</summary>
        public static async Task<GraphContext?> ConnectAsync(ConnectionRequest request, IEngineOutput output, GraphRetryPolicy? retryPolicy = null)
        {
            GraphConnection? connection = await TryConnectAsync(request, output, retryPolicy).ConfigureAwait(false);
            if (connection == null)
            {
                return null;
            }

            GraphSession.Set(connection);
            output.WriteObject(connection.Context);
            return connection.Context;
        }

        /// <summary>Signs in; on failure writes an error that says what to fix and returns null.</summary>
        public static async Task<GraphConnection?> TryConnectAsync(ConnectionRequest request, IEngineOutput output, GraphRetryPolicy? retryPolicy = null)
        {
            ConnectionRequest withNotices = request with { Notify = request.Notify ?? output.WriteWarning };

            try
            {
                output.WriteVerbose($"Signing in to Microsoft Graph ({request.Mode}, {request.Cloud}).");
                GraphConnection connection = await GraphConnection.ConnectAsync(withNotices, output.CancellationToken, retryPolicy).ConfigureAwait(false);
                output.WriteVerbose($"Connected: {connection.Context}.");
                return connection;
            }
            catch (ArgumentException ex)
            {
                output.WriteError(new EngineError("InvalidConnectionRequest", ErrorKind.InvalidArgument, ex.Message, request.Mode.ToString()));
            }
            catch (AuthenticationFailedException ex)
            {
                output.WriteError(new EngineError("SignInFailed", ErrorKind.AuthenticationError, "Sign-in to Microsoft Graph failed: " + FirstLine(ex.Message), request.Mode.ToString())
                {
                    RecommendedAction = request.Mode == AuthenticationMode.ManagedIdentity
                        ? "Check that the Automation account (or VM) has a managed identity and that it was granted the Graph permissions."
                        : "Check the tenant, client id and credential; the message above is Azure.Identity's (any AADSTS code in it can be explained with Get-AadstsGuidance).",
                });
            }
            catch (OperationCanceledException)
            {
                output.WriteError(new EngineError("SignInCancelled", ErrorKind.OperationStopped, "Sign-in was cancelled.", request.Mode.ToString()));
            }

            return null;
        }

        public static void Disconnect(IEngineOutput output)
        {
            output.WriteVerbose(GraphSession.Clear() ? "Disconnected from Microsoft Graph; the in-memory tokens are gone." : "There was no Microsoft Graph connection.");
        }

        /// <summary>The current context, or nothing (with a verbose note) when not connected.</summary>
        public static void WriteContext(IEngineOutput output)
        {
            GraphConnection? current = GraphSession.Current;
            if (current == null)
            {
                output.WriteVerbose("Not connected to Microsoft Graph (Connect-AadstsGraph).");
                return;
            }

            output.WriteObject(current.Context);
        }

        /// <summary>The current connection, or an error saying to connect (with the permissions the command needs).</summary>
        public static GraphConnection? Require(string command, IEngineOutput output)
        {
            GraphConnection? current = GraphSession.Current;
            if (current == null)
            {
                output.WriteError(new EngineError("NotConnected", ErrorKind.AuthenticationError, GraphSession.NotConnectedMessage(command), command)
                {
                    RecommendedAction = "Run Connect-AadstsGraph (interactive), or Connect-AadstsGraph -Identity in an Azure Automation runbook.",
                });
            }

            return current;
        }

        private static string FirstLine(string message)
        {
            int end = message.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? message : message.Substring(0, end);
        }
    }
}
