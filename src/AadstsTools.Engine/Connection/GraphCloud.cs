using System;

namespace AadstsTools.Connection
{
    /// <summary>The Microsoft clouds Graph runs in.</summary>
    public enum GraphCloud
    {
        Global,

        /// <summary>US Government L4 (GCC High).</summary>
        USGov,

        /// <summary>US Government L5 (DoD).</summary>
        USGovDoD,

        /// <summary>Microsoft Azure operated by 21Vianet.</summary>
        China,
    }

    /// <summary>Where each cloud's Graph and sign-in endpoints live.</summary>
    public static class CloudEndpoints
    {
        public static Uri GraphRoot(GraphCloud cloud) => cloud switch
        {
            GraphCloud.Global => new Uri("https://graph.microsoft.com"),
            GraphCloud.USGov => new Uri("https://graph.microsoft.us"),
            GraphCloud.USGovDoD => new Uri("https://dod-graph.microsoft.us"),
            GraphCloud.China => new Uri("https://microsoftgraph.chinacloudapi.cn"),
            _ => throw new ArgumentOutOfRangeException(nameof(cloud)),
        };

        public static Uri AuthorityHost(GraphCloud cloud) => cloud switch
        {
            GraphCloud.Global => new Uri("https://login.microsoftonline.com"),
            GraphCloud.USGov => new Uri("https://login.microsoftonline.us"),
            GraphCloud.USGovDoD => new Uri("https://login.microsoftonline.us"),
            GraphCloud.China => new Uri("https://login.chinacloudapi.cn"),
            _ => throw new ArgumentOutOfRangeException(nameof(cloud)),
        };

        /// <summary>The v1.0 base URL the Graph client is given.</summary>
        public static string GraphBaseUrl(GraphCloud cloud) => GraphRoot(cloud).AbsoluteUri.TrimEnd('/') + "/v1.0";

        /// <summary>The scope for app-only and managed identity tokens: the cloud's Graph "/.default".</summary>
        public static string DefaultScope(GraphCloud cloud) => GraphRoot(cloud).AbsoluteUri.TrimEnd('/') + "/.default";

        /// <summary>Delegated scopes are named relative to the cloud's Graph resource.</summary>
        public static string QualifyScope(GraphCloud cloud, string scope) =>
            scope.Contains("://") ? scope : GraphRoot(cloud).AbsoluteUri.TrimEnd('/') + "/" + scope;
    }
}
