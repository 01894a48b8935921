namespace AadstsTools.GraphEmulator.Faults;

/// <summary>
/// A sliding-window request counter: admits a request when fewer than the limit were admitted in the last window,
/// otherwise says how long until the oldest one leaves it. Refused requests do not count.
/// </summary>
internal sealed class ThrottleWindow
{
    private readonly Queue<long> admitted = new();
    private readonly TimeProvider clock;

    public ThrottleWindow(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>Null when admitted; otherwise the wait until a place frees up.</summary>
    public TimeSpan? TryAdmit(ThrottleLimit limit)
    {
        var now = clock.GetTimestamp();
        lock (admitted)
        {
            while (admitted.Count > 0 && clock.GetElapsedTime(admitted.Peek(), now) >= limit.Window)
            {
                admitted.Dequeue();
            }

            if (admitted.Count >= limit.Requests)
            {
                var wait = limit.Window - clock.GetElapsedTime(admitted.Peek(), now);
                return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
            }

            admitted.Enqueue(now);
            return null;
        }
    }
}
