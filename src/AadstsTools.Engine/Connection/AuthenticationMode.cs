namespace AadstsTools.Connection
{
    /// <summary>How Connect-AadstsGraph signs in.</summary>
    public enum AuthenticationMode
    {
        /// <summary>A browser window (delegated; the default at a prompt).</summary>
        Interactive,

        /// <summary>A code to enter on another device (delegated; SSH sessions, no browser).</summary>
        DeviceCode,

        /// <summary>The Azure resource's managed identity (app-only; Azure Automation, never prompts).</summary>
        ManagedIdentity,

        /// <summary>An app registration's certificate (app-only).</summary>
        ClientCertificate,

        /// <summary>An app registration's secret (app-only).</summary>
        ClientSecret,

        /// <summary>A token obtained elsewhere, e.g. Get-AzAccessToken -ResourceUrl https://graph.microsoft.com.</summary>
        AccessToken,
    }
}
