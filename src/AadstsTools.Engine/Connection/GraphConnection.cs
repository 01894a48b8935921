using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Graph;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph.Authentication;

namespace AadstsTools.Connection
{
    /// <summary>A signed-in connection to Graph: the gateway the commands use and what it may do.</summary>
    public sealed class GraphConnection
    {
        public GraphConnection(IDirectoryGateway gateway, GraphContext context)
        {
            Gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            Context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public IDirectoryGateway Gateway { get; }

        public GraphContext Context { get; }

        /// <summary>
        /// Signs in as the request says and checks that it worked by getting a token now, so that a wrong
        /// tenant, secret or consent shows up here and not in the middle of a bulk run.
        /// </summary>
        /// <exception cref="ArgumentException">The request lacks what its mode needs.</exception>
        /// <exception cref="AuthenticationFailedException">Sign-in failed (Azure.Identity's message says why).</exception>
        /// <param name="request">How to sign in.</param>
        /// <param name="cancellationToken">Stops the sign-in.</param>
        /// <param name="retryPolicy">Retry behaviour (the default when null).</param>
        /// <param name="reportingLimiter">The client-side reporting limit (Graph's 5 per 10 s when null); benchmarks and tests set their own.</param>
        public static async Task<GraphConnection> ConnectAsync(ConnectionRequest request, CancellationToken cancellationToken, GraphRetryPolicy? retryPolicy = null, SlidingWindowLimiter? reportingLimiter = null)
        {
            CredentialPlan plan = CredentialFactory.Plan(request);
            TokenCredential credential = CredentialFactory.Build(plan, request);
            AccessToken token = await credential.GetTokenAsync(new TokenRequestContext(plan.TokenScopes.ToArray(), tenantId: plan.TenantId), cancellationToken).ConfigureAwait(false);
            TokenClaims? claims = TokenClaims.TryRead(token.Token);

            // Continuous access evaluation needs a credential that can answer a claims challenge; a token
            // handed to us can't. The token goes only to the plan's Graph host.
            bool continuousAccessEvaluation = plan.Mode != AuthenticationMode.AccessToken;
            var authentication = new AzureIdentityAuthenticationProvider(credential, new[] { plan.GraphHost }, null, continuousAccessEvaluation, plan.TokenScopes.ToArray());
            var client = GraphClientBuilder.Create(plan.GraphBaseUrl, authentication, retryPolicy);
            bool appOnly = claims?.IsAppOnly ?? plan.IsAppOnly;
            var context = new GraphContext(plan.Mode.ToString(), plan.Cloud.ToString(), plan.GraphBaseUrl)
            {
                TenantId = claims?.TenantId ?? plan.TenantId,
                Account = claims?.Account,
                ClientId = claims?.AppId ?? plan.ClientId,
                AppName = claims?.AppDisplayName,
                IsAppOnly = appOnly,
                Scopes = claims?.Permissions ?? Array.Empty<string>(),
                TokenExpiresOn = token.ExpiresOn,
                TokenCache = plan.PersistTokenCache ? "Persistent" : "Memory",
            };
            return new GraphConnection(new GraphDirectoryGateway(client, appOnly, retryPolicy, reportingLimiter), context);
        }

        /// <summary>The permissions <paramref name="operation"/> needs that this connection's token lacks.</summary>
        public IReadOnlyList<string> MissingPermissions(GraphOperation operation) => ModulePermissions.Missing(operation, Context.Scopes);

        /// <summary>A "grant this" failure for an operation the token can't do, or null when it can (or can't tell).</summary>
        public GraphFailure? PermissionGap(GraphOperation operation)
        {
            IReadOnlyList<string> missing = MissingPermissions(operation);
            if (missing.Count == 0)
            {
                return null;
            }

            string? role = Context.IsAppOnly ? operation.AppOnlyRole : operation.Role;
            string permissions = string.Join(" and ", missing);
            return new GraphFailure(GraphFailureKind.PermissionMissing,
                $"The connection lacks {permissions}, which it needs to {operation.Description}" + (role == null ? "." : $" (with the {role} role)."))
            {
                RequiredPermission = permissions,
                RequiredRole = role,
            };
        }
    }
}
