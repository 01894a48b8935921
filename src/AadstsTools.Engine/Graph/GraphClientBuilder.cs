using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace AadstsTools.Graph
{
    /// <summary>
    /// Builds the GraphServiceClient the gateway uses: the SDK's own middleware (built with
    /// GraphClientFactory, not a bare HttpClient), with the SDK's retry handler swapped for ours.
    /// </summary>
    public static class GraphClientBuilder
    {
        /// <summary>The SDK's default handlers, with <see cref="GraphRetryHandler"/> where its RetryHandler was.</summary>
        public static IList<DelegatingHandler> Handlers(GraphRetryPolicy? policy = null)
        {
            IList<DelegatingHandler> handlers = GraphClientFactory.CreateDefaultHandlers();
            int index = handlers.ToList().FindIndex(h => h is RetryHandler);
            var ours = new GraphRetryHandler(policy);
            if (index < 0)
            {
                handlers.Insert(0, ours);
            }
            else
            {
                handlers[index] = ours;
            }

            return handlers;
        }

        /// <param name="baseUrl">Graph's base URL with the version, e.g. https://graph.microsoft.com/v1.0.</param>
        /// <param name="authentication">Adds the bearer token to each request.</param>
        /// <param name="policy">Retry behaviour (tests shorten the waits).</param>
        /// <param name="finalHandler">The innermost handler (tests may wrap the network).</param>
        public static GraphServiceClient Create(string baseUrl, IAuthenticationProvider authentication, GraphRetryPolicy? policy = null, HttpMessageHandler? finalHandler = null)
        {
            HttpClient http = GraphClientFactory.Create(Handlers(policy), finalHandler: finalHandler);

            // Retries wait inside the pipeline (Retry-After can be minutes), so the client-wide timeout must
            // cover them; each attempt still has its own limit in GraphRetryHandler.
            http.Timeout = TimeSpan.FromMinutes(30);
            return new GraphServiceClient(http, authentication, baseUrl);
        }
    }
}
