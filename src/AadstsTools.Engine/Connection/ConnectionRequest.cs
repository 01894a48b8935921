using System;
using System.Collections.Generic;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace AadstsTools.Connection
{
    /// <summary>Everything Connect-AadstsGraph was told: how to sign in, where, as whom, with what.</summary>
    public sealed record ConnectionRequest
    {
        /// <summary>The environment variable tests set to point Graph calls at an emulator (base URL with /v1.0).</summary>
        public const string GraphBaseUrlVariable = "AADSTS_GRAPH_BASE_URL";

        public AuthenticationMode Mode { get; init; } = AuthenticationMode.Interactive;

        public GraphCloud Cloud { get; init; } = GraphCloud.Global;

        /// <summary>Tenant id or domain; "organizations" when not given for delegated sign-in.</summary>
        public string? TenantId { get; init; }

        /// <summary>The app registration's client id (or a user-assigned managed identity's client id).</summary>
        public string? ClientId { get; init; }

        /// <summary>Delegated scopes to ask for; the module's union when empty.</summary>
        public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

        public string? CertificateThumbprint { get; init; }

        public X509Certificate2? Certificate { get; init; }

        public SecureString? ClientSecret { get; init; }

        public SecureString? AccessToken { get; init; }

        /// <summary>Keep tokens in the OS's protected cache across sessions (opt-in; memory only otherwise).</summary>
        public bool PersistTokenCache { get; init; }

        /// <summary>A different Graph base URL (the emulator in tests); the cloud's otherwise.</summary>
        public string? GraphBaseUrl { get; init; }

        /// <summary>Told about device codes and other sign-in prompts.</summary>
        public Action<string>? Notify { get; init; }

        /// <summary>The base URL to use: the override, the environment variable, or the cloud's.</summary>
        public string EffectiveGraphBaseUrl =>
            !string.IsNullOrWhiteSpace(GraphBaseUrl) ? GraphBaseUrl!.TrimEnd('/')
            : Environment.GetEnvironmentVariable(GraphBaseUrlVariable) is string fromEnvironment && fromEnvironment.Trim().Length > 0 ? fromEnvironment.Trim().TrimEnd('/')
            : CloudEndpoints.GraphBaseUrl(Cloud);

        /// <summary>True for the modes that act as an application rather than a signed-in user.</summary>
        public bool IsAppOnly => Mode == AuthenticationMode.ManagedIdentity || Mode == AuthenticationMode.ClientCertificate || Mode == AuthenticationMode.ClientSecret;
    }
}
