using System;
using System.Collections.Generic;

namespace AadstsTools
{
    /// <summary>
    /// The current Graph connection as Get-AadstsGraphContext shows it (PSTypeName AadstsTools.GraphContext).
    /// It holds no token or secret.
    /// </summary>
    public sealed class GraphContext
    {
        public GraphContext(string authenticationType, string cloud, string graphEndpoint)
        {
            AuthenticationType = authenticationType;
            Cloud = cloud;
            GraphEndpoint = graphEndpoint;
        }

        public string? TenantId { get; init; }

        /// <summary>The signed-in account, for delegated sign-in.</summary>
        public string? Account { get; init; }

        /// <summary>The client app (or managed identity) id.</summary>
        public string? ClientId { get; init; }

        public string? AppName { get; init; }

        /// <summary>Interactive, DeviceCode, ManagedIdentity, ClientCertificate, ClientSecret or AccessToken.</summary>
        public string AuthenticationType { get; }

        /// <summary>Delegated (a signed-in admin) or AppOnly (an application's own permissions).</summary>
        public string AccessType => IsAppOnly ? "AppOnly" : "Delegated";

        public bool IsAppOnly { get; init; }

        public string Cloud { get; }

        public string GraphEndpoint { get; }

        /// <summary>The permissions the token grants (scopes or application roles), when the token says.</summary>
        public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

        public DateTimeOffset? TokenExpiresOn { get; init; }

        /// <summary>Memory (the default) or Persistent.</summary>
        public string TokenCache { get; init; } = "Memory";

        public override string ToString() => $"{Account ?? ClientId ?? "(unknown)"} @ {TenantId ?? "(tenant unknown)"} ({AuthenticationType}, {Cloud})";
    }
}
