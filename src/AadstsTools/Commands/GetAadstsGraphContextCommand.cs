using System.Management.Automation;
using AadstsTools.Connection;
using AadstsTools.Infrastructure;

namespace AadstsTools.Commands
{
    /// <summary>Shows the current Microsoft Graph connection: tenant, account or app, cloud, permissions.</summary>
    [Cmdlet(VerbsCommon.Get, "AadstsGraphContext")]
    [OutputType(typeof(GraphContext))]
    public sealed class GetAadstsGraphContextCommand : AadstsCmdlet
    {
        protected override void EndProcessing() => ConnectionService.WriteContext(Output);
    }
}
