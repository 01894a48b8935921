using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AadstsTools.Graph
{
    /// <summary>
    /// Retries what Graph asks us to retry, the way Graph asks: 429, 503 and 504 after the Retry-After the
    /// response gives (decimal seconds included, which the SDK's own handler ignores in favour of a flat
    /// 3 s), otherwise with exponential back-off and jitter; and dropped connections. Every request this
    /// module sends is idempotent (reads, setting a given password, revoking sessions), so resending is safe.
    /// </summary>
    public sealed class GraphRetryHandler : DelegatingHandler
    {
        private readonly GraphRetryPolicy _policy;

        public GraphRetryHandler(GraphRetryPolicy? policy = null)
        {
            _policy = policy ?? new GraphRetryPolicy();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The body is read once so that every attempt can send it again.
            byte[]? body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            HttpRequestMessage attempt = request;
            for (int retry = 0; ; retry++)
            {
                HttpResponseMessage? response = null;
                Exception? failure = null;
                using (var attemptLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attemptLimit.CancelAfter(_policy.AttemptTimeout);
                    try
                    {
                        response = await base.SendAsync(attempt, attemptLimit.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (IsDroppedConnection(ex, cancellationToken))
                    {
                        // A dropped connection, a reset, or an attempt that outlived its limit: try again.
                        failure = ex;
                    }
                }

                bool retryable = failure != null || (response != null && GraphRetryPolicy.IsRetryableStatus(response.StatusCode));
                if (!retryable || retry >= _policy.RetriesAllowed(response?.StatusCode))
                {
                    if (failure != null)
                    {
                        throw new HttpRequestException($"The connection to Microsoft Graph failed {retry + 1} time(s): {failure.Message}", failure);
                    }

                    return response!;
                }

                TimeSpan delay = _policy.DelayFor(retry, response == null ? null : RetryAfter(response));
                response?.Dispose();
                await _policy.Delay(delay, cancellationToken).ConfigureAwait(false);
                attempt = Copy(request, body);
            }
        }

        private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
        {
            var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
            foreach (var header in original.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body != null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var header in original.Content!.Headers)
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

#pragma warning disable CS0618 // Properties is the only bag netstandard2.0 has; the SDK's middleware options live there.
            foreach (var property in original.Properties)
            {
                copy.Properties[property.Key] = property.Value;
            }
#pragma warning restore CS0618

            return copy;
        }

        /// <summary>Retry-After as seconds (decimals allowed) or an HTTP date.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Retry-After", out var values))
            {
                return ParseRetryAfter(values.FirstOrDefault());
            }

            return null;
        }

        public static TimeSpan? ParseRetryAfter(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && !double.IsInfinity(seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
            {
                TimeSpan wait = when - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private static bool IsDroppedConnection(Exception ex, CancellationToken cancellationToken) =>
            !cancellationToken.IsCancellationRequested && (ex is HttpRequestException || ex is IOException || ex is OperationCanceledException);
    }

    /// <summary>How many times, and how long, <see cref="GraphRetryHandler"/> and the batch runner wait.</summary>
    public sealed class GraphRetryPolicy
    {
        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>Retries of service errors (503, 504) and dropped connections.</summary>
        public int MaxRetries { get; init; } = 6;

        /// <summary>
        /// Retries of throttled requests (429). Throttling is expected in bulk runs and Graph says how long to
        /// wait, so giving up early would only lose work.
        /// </summary>
        public int MaxThrottledRetries { get; init; } = 30;

        /// <summary>How many retries an answer with this status gets.</summary>
        public int RetriesAllowed(HttpStatusCode? status) => status == (HttpStatusCode)429 ? Math.Max(MaxThrottledRetries, MaxRetries) : MaxRetries;

        /// <summary>How long one attempt may take before it counts as a dropped connection.</summary>
        public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

        /// <summary>The first back-off when the response gives no Retry-After; it doubles each time.</summary>
        public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>No single wait is longer than this, whatever Retry-After says.</summary>
        public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(3);

        /// <summary>How waiting is done; tests replace it to record the waits.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (delay, token) => Task.Delay(delay, token);

        public static bool IsRetryableStatus(HttpStatusCode status) =>
            status == (HttpStatusCode)429 || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout;

        /// <summary>Retry-After when given (never less); otherwise exponential back-off with jitter.</summary>
        public TimeSpan DelayFor(int retry, TimeSpan? retryAfter)
        {
            if (retryAfter.HasValue)
            {
                return retryAfter.Value > MaxDelay ? MaxDelay : retryAfter.Value;
            }

            double seconds = BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(retry, 10));
            seconds += seconds * 0.25 * Jitter.Value!.NextDouble();
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
        }
    }
}
