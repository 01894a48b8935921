using System.Management.Automation;
using AadstsTools.Connection;
using AadstsTools.Infrastructure;

namespace AadstsTools.Commands
{
    /// <summary>Forgets the Microsoft Graph connection and its in-memory tokens.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "AadstsGraph")]
    public sealed class DisconnectAadstsGraphCommand : AadstsCmdlet
    {
        protected override void EndProcessing() => ConnectionService.Disconnect(Output);
    }
}
