using System;
using System.Collections.Generic;

namespace AadstsTools.Connection
{
    /// <summary>
    /// The decided shape of a sign-in, before anything signs in: which credential, against which authority,
    /// for which scopes and Graph endpoint. Tests check plans without a network.
    /// </summary>
    public sealed class CredentialPlan
    {
        public CredentialPlan(AuthenticationMode mode, GraphCloud cloud, Uri authorityHost, string graphBaseUrl, IReadOnlyList<string> tokenScopes)
        {
            Mode = mode;
            Cloud = cloud;
            AuthorityHost = authorityHost;
            GraphBaseUrl = graphBaseUrl;
            TokenScopes = tokenScopes;
        }

        public AuthenticationMode Mode { get; }

        public GraphCloud Cloud { get; }

        public Uri AuthorityHost { get; }

        /// <summary>The Graph base URL with its version, e.g. https://graph.microsoft.us/v1.0.</summary>
        public string GraphBaseUrl { get; }

        /// <summary>The host the token may be sent to (the token provider refuses all others).</summary>
        public string GraphHost => new Uri(GraphBaseUrl).Host;

        /// <summary>What the token is requested for: delegated scopes, or the cloud's "/.default".</summary>
        public IReadOnlyList<string> TokenScopes { get; }

        public string? TenantId { get; init; }

        public string? ClientId { get; init; }

        public bool IsAppOnly { get; init; }

        public bool PersistTokenCache { get; init; }
    }
}
