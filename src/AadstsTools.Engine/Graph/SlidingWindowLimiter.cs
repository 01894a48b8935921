using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AadstsTools.Graph
{
    /// <summary>
    /// At most N requests in any window (Graph's reporting APIs allow 5 per 10 seconds per app and tenant):
    /// waiting here costs exactly what the limit imposes, where tripping Graph's limit costs a 429 and its
    /// Retry-After on top.
    /// </summary>
    public sealed class SlidingWindowLimiter
    {
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly Func<DateTimeOffset> _clock;
        private readonly Queue<DateTimeOffset> _grants = new Queue<DateTimeOffset>();
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

        public SlidingWindowLimiter(int limit, TimeSpan window, Func<DateTimeOffset>? clock = null)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "The limit must be at least 1.");
            }

            _limit = limit;
            _window = window;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>Graph's reporting API limit: 5 requests per 10 seconds.</summary>
        public static SlidingWindowLimiter ForReports() => new SlidingWindowLimiter(5, TimeSpan.FromSeconds(10));

        public int Limit => _limit;

        public TimeSpan Window => _window;

        /// <summary>Waits until a request may go, then counts it.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    DateTimeOffset now = _clock();
                    while (_grants.Count > 0 && now - _grants.Peek() >= _window)
                    {
                        _grants.Dequeue();
                    }

                    if (_grants.Count < _limit)
                    {
                        _grants.Enqueue(now);
                        return;
                    }

                    // A small margin keeps us clear of the server's own clock.
                    TimeSpan wait = _grants.Peek() + _window - now + TimeSpan.FromMilliseconds(50);
                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
