using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace AadstsTools.Graph
{
    /// <summary>Turns whatever a Graph call threw or answered into a <see cref="GraphFailure"/> that says what to do.</summary>
    public static class GraphErrorMapper
    {
        private const string NonPremiumCode = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

        /// <summary>From an exception thrown by the Graph SDK or the HTTP stack.</summary>
        public static GraphFailure FromException(Exception exception, GraphOperation operation, string? target = null, bool appOnly = false)
        {
            switch (exception)
            {
                case GraphException graph:
                    return graph.Failure;
                case ODataError odata:
                    return FromError(odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message, odata.Error?.InnerError?.RequestId,
                        odata.Error?.InnerError?.Date, RetryAfterOf(odata), operation, target, appOnly);
                case ApiException api:
                    return FromError(api.ResponseStatusCode, null, api.Message, null, null, null, operation, target, appOnly);
                case OperationCanceledException _:
                    return new GraphFailure(GraphFailureKind.Cancelled, $"Stopped before Graph answered ({operation.Description}).");
                case HttpRequestException _:
                case IOException _:
                    return new GraphFailure(GraphFailureKind.Transient, $"Could not reach Microsoft Graph to {operation.Description}: {exception.Message}");
                default:
                    return new GraphFailure(GraphFailureKind.Other, $"Graph call to {operation.Description} failed: {exception.Message}");
            }
        }

        /// <summary>From a raw response (a $batch sub-response or a plain HTTP answer) with Graph's error body.</summary>
        public static async Task<GraphFailure> FromResponseAsync(HttpResponseMessage response, GraphOperation operation, string? target = null, bool appOnly = false)
        {
            string? code = null, message = null, requestId = null;
            DateTimeOffset? date = null;
            string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            try
            {
                if (body.Length > 0)
                {
                    using JsonDocument doc = JsonDocument.Parse(body);
                    if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
                    {
                        code = Text(error, "code");
                        message = Text(error, "message");
                        if (error.TryGetProperty("innerError", out JsonElement inner) || error.TryGetProperty("innererror", out inner))
                        {
                            requestId = Text(inner, "request-id");
                            if (DateTimeOffset.TryParse(Text(inner, "date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
                            {
                                date = parsed;
                            }
                        }
                    }
                }
            }
            catch (JsonException)
            {
                message = body.Length > 300 ? body.Substring(0, 300) : body;
            }

            if (requestId == null && response.Headers.TryGetValues("request-id", out var ids))
            {
                foreach (string id in ids)
                {
                    requestId = id;
                }
            }

            return FromError((int)response.StatusCode, code, message, requestId, date, GraphRetryHandler.RetryAfter(response), operation, target, appOnly);
        }

        /// <summary>The heart of the mapping: status and Graph's code → kind and an explanation.</summary>
        public static GraphFailure FromError(int status, string? code, string? message, string? requestId, DateTimeOffset? date, TimeSpan? retryAfter,
            GraphOperation operation, string? target = null, bool appOnly = false)
        {
            string subject = target == null ? string.Empty : $" for '{target}'";
            string graphSays = string.IsNullOrWhiteSpace(message) ? string.Empty : $" Graph says: {message!.Trim()}";
            GraphFailureKind kind;
            string text;
            string? permission = null, role = null;
            switch (status)
            {
                case 400:
                    kind = GraphFailureKind.InvalidRequest;
                    text = $"Graph rejected the request to {operation.Description}{subject}.{graphSays}";
                    break;
                case 401:
                    kind = GraphFailureKind.Unauthenticated;
                    text = $"Graph did not accept the access token ({code ?? "401"}): it may have expired or be for another tenant or cloud.";
                    break;
                case 403 when string.Equals(code, NonPremiumCode, StringComparison.OrdinalIgnoreCase):
                    kind = GraphFailureKind.LicenseMissing;
                    text = $"The tenant has no Microsoft Entra ID P1 or P2 licence, which Graph needs to {operation.Description}.";
                    break;
                case 403:
                    kind = GraphFailureKind.PermissionMissing;
                    permission = operation.Permission;
                    role = appOnly ? operation.AppOnlyRole : operation.Role;
                    text = $"Permission denied to {operation.Description}{subject} ({code ?? "403"}). It needs the Graph permission {permission}"
                        + (role == null ? "." : $" and the {role} role.");
                    break;
                case 404:
                    kind = GraphFailureKind.NotFound;
                    text = target == null ? $"Not found ({operation.Description})." : $"'{target}' was not found in the directory.";
                    break;
                case 429:
                    kind = GraphFailureKind.Throttled;
                    text = $"Graph kept throttling the request to {operation.Description}{subject} after every retry.";
                    break;
                case int s when s >= 500:
                    kind = GraphFailureKind.Transient;
                    text = $"Graph failed with {s} to {operation.Description}{subject}, also after retries.{graphSays}";
                    break;
                default:
                    kind = GraphFailureKind.Other;
                    text = $"Graph answered {status} to {operation.Description}{subject}.{graphSays}";
                    break;
            }

            return new GraphFailure(kind, text)
            {
                Status = status,
                GraphCode = code,
                GraphMessage = message,
                RequestId = requestId,
                Date = date,
                RequiredPermission = permission,
                RequiredRole = role,
                RetryAfter = retryAfter,
            };
        }

        private static TimeSpan? RetryAfterOf(ODataError error)
        {
            if (error.ResponseHeaders != null && error.ResponseHeaders.TryGetValue("Retry-After", out var values))
            {
                foreach (string value in values)
                {
                    return GraphRetryHandler.ParseRetryAfter(value);
                }
            }

            return null;
        }

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
