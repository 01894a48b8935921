using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace AadstsTools.Graph
{
    /// <summary>One request to send inside a JSON $batch; rebuilt for each attempt so retries resend it whole.</summary>
    public sealed class BatchItem
    {
        public BatchItem(string key, Func<RequestInformation> build)
        {
            Key = key;
            Build = build;
        }

        /// <summary>The caller's name for it (a user id, a chunk number).</summary>
        public string Key { get; }

        public Func<RequestInformation> Build { get; }
    }

    /// <summary>The final answer to one batched request.</summary>
    public sealed class BatchOutcome
    {
        public BatchOutcome(string key, int status, byte[] body, HttpResponseMessage? response)
        {
            Key = key;
            Status = status;
            Body = body;
            Response = response;
        }

        public string Key { get; }

        /// <summary>The sub-response's HTTP status; 0 when the whole batch request failed.</summary>
        public int Status { get; }

        public byte[] Body { get; }

        /// <summary>The sub-response (headers, body) for error mapping.</summary>
        public HttpResponseMessage? Response { get; }

        /// <summary>Set when the batch request as a whole failed (transport, 401, cancellation).</summary>
        public GraphFailure? Failure { get; init; }

        /// <summary>How many times it was sent.</summary>
        public int Attempts { get; init; }

        public bool IsSuccess => Status >= 200 && Status < 300;
    }

    /// <summary>
    /// Sends many requests as JSON $batch calls of up to 20, several batches at a time, and retries the
    /// sub-requests Graph throttled or failed transiently after their own Retry-After: the SDK retries the
    /// batch call itself but not the requests inside it.
    /// </summary>
    public sealed class BatchRunner
    {
        public const int MaxBatchSize = 20;

        private readonly GraphServiceClient _client;
        private readonly GraphRetryPolicy _policy;
        private readonly int _concurrency;

        public BatchRunner(GraphServiceClient client, GraphRetryPolicy? policy = null, int concurrency = 4)
        {
            _client = client;
            _policy = policy ?? new GraphRetryPolicy();
            _concurrency = Math.Max(1, concurrency);
        }

        /// <summary>Counts every $batch call sent (for benchmarks and tests).</summary>
        public long BatchCalls => Interlocked.Read(ref _batchCalls);

        private long _batchCalls;

        /// <summary>
        /// Sends every item and returns one outcome per item, in completion order. <paramref name="onOutcome"/>
        /// (optional) hears about each outcome as soon as it is final, for progress and journals.
        /// </summary>
        /// <param name="items">The requests.</param>
        /// <param name="operation">What they do, to explain a failed $batch call (permission, role).</param>
        /// <param name="cancellationToken">Stops the run.</param>
        /// <param name="onOutcome">Hears each final outcome.</param>
        public async Task<IReadOnlyList<BatchOutcome>> RunAsync(IReadOnlyList<BatchItem> items, GraphOperation operation, CancellationToken cancellationToken, Func<BatchOutcome, Task>? onOutcome = null)
        {
            var outcomes = new List<BatchOutcome>(items.Count);
            var pending = items.Select(i => new Pending(i)).ToList();
            var gate = new SemaphoreSlim(_concurrency, _concurrency);
            var outcomeLock = new object();

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                DateTimeOffset now = DateTimeOffset.UtcNow;
                var ready = pending.Where(p => p.NotBefore <= now).ToList();
                if (ready.Count == 0)
                {
                    TimeSpan wait = pending.Min(p => p.NotBefore) - now;
                    await _policy.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var retryLater = new List<Pending>();
                var tasks = new List<Task>();
                foreach (var chunk in Chunk(ready, MaxBatchSize))
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    tasks.Add(Task.Run(async () =>
                    {
                        try
                        {
                            foreach (var (item, outcome) in await SendAsync(chunk, operation, cancellationToken).ConfigureAwait(false))
                            {
                                if (outcome == null)
                                {
                                    lock (retryLater)
                                    {
                                        retryLater.Add(item);
                                    }

                                    continue;
                                }

                                lock (outcomeLock)
                                {
                                    outcomes.Add(outcome);
                                }

                                if (onOutcome != null)
                                {
                                    await onOutcome(outcome).ConfigureAwait(false);
                                }
                            }
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }, cancellationToken));
                }

                await Task.WhenAll(tasks).ConfigureAwait(false);
                pending = pending.Except(ready).Concat(retryLater).ToList();
            }

            return outcomes;
        }

        /// <summary>One $batch call; a null outcome means "send it again later".</summary>
        private async Task<List<(Pending Item, BatchOutcome? Outcome)>> SendAsync(List<Pending> chunk, GraphOperation operation, CancellationToken cancellationToken)
        {
            var results = new List<(Pending, BatchOutcome?)>(chunk.Count);
            var content = new BatchRequestContentCollection(_client, MaxBatchSize);
            var byStep = new Dictionary<string, Pending>(StringComparer.Ordinal);
            for (int i = 0; i < chunk.Count; i++)
            {
                string stepId = (i + 1).ToString(CultureInfo.InvariantCulture);
                chunk[i].Attempts++;
                await content.AddBatchRequestStepAsync(chunk[i].Item.Build(), stepId).ConfigureAwait(false);
                byStep[stepId] = chunk[i];
            }

            BatchResponseContentCollection response;
            try
            {
                Interlocked.Increment(ref _batchCalls);
                response = await _client.Batch.PostAsync(content, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                // The call itself failed after the handler's own retries: every request in it shares the answer.
                GraphFailure failure = GraphErrorMapper.FromException(ex, operation);
                foreach (var item in chunk)
                {
                    results.Add((item, new BatchOutcome(item.Item.Key, 0, Array.Empty<byte>(), null) { Failure = failure, Attempts = item.Attempts }));
                }

                return results;
            }

            Dictionary<string, System.Net.HttpStatusCode> statuses = await response.GetResponsesStatusCodesAsync().ConfigureAwait(false);
            foreach (var pair in byStep)
            {
                Pending item = pair.Value;
                HttpResponseMessage? sub = await response.GetResponseByIdAsync(pair.Key).ConfigureAwait(false);
                int status = sub != null ? (int)sub.StatusCode : statuses.TryGetValue(pair.Key, out var code) ? (int)code : 0;
                if (sub != null && GraphRetryPolicy.IsRetryableStatus(sub.StatusCode) && item.Attempts <= _policy.RetriesAllowed(sub.StatusCode))
                {
                    item.NotBefore = DateTimeOffset.UtcNow + _policy.DelayFor(item.Attempts - 1, GraphRetryHandler.RetryAfter(sub));
                    sub.Dispose();
                    results.Add((item, null));
                    continue;
                }

                byte[] body = sub?.Content == null ? Array.Empty<byte>() : await sub.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                results.Add((item, new BatchOutcome(item.Item.Key, status, body, sub) { Attempts = item.Attempts }));
            }

            return results;
        }

        private static IEnumerable<List<T>> Chunk<T>(IReadOnlyList<T> items, int size)
        {
            for (int i = 0; i < items.Count; i += size)
            {
                yield return items.Skip(i).Take(size).ToList();
            }
        }

        private sealed class Pending
        {
            public Pending(BatchItem item) => Item = item;

            public BatchItem Item { get; }

            public int Attempts { get; set; }

            public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;
        }
    }
}
