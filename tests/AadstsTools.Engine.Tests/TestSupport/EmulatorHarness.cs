using System.Security;
using AadstsTools.Connection;
using AadstsTools.Graph;

namespace AadstsTools.Engine.Tests.TestSupport;

using AadstsTools.GraphEmulator;

/// <summary>
/// A Graph emulator on loopback and a production connection to it: the real gateway, the real Graph SDK
/// and HTTP stack, signed in with a static token (the only test-specific part), with short retry waits.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(GraphEmulator emulator, GraphConnection connection, List<TimeSpan> waits)
    {
        Emulator = emulator;
        Connection = connection;
        Waits = waits;
    }

    public GraphEmulator Emulator { get; }

    public GraphConnection Connection { get; }

    public IDirectoryGateway Gateway => Connection.Gateway;

    /// <summary>Every retry wait the client asked for (Retry-After or back-off), in order.</summary>
    public List<TimeSpan> Waits { get; }

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "contoso.json");

    public static Task<EmulatorHarness> StartFixtureAsync(EmulatorOptions? options = null, DateTimeOffset? now = null) =>
        StartAsync(EmulatorTenant.LoadFixture(FixturePath, now), options);

    /// <param name="token">The bearer token (defaults to an opaque one the emulator accepts); a JWT makes permissions known.</param>
    /// <param name="realWaits">Actually wait the retry delays (for the "waited at least Retry-After" test).</param>
    /// <param name="reportingLimiter">The client's reporting limit; by default none to speak of, since the emulator doesn't enforce Graph's unless asked.</param>
    public static async Task<EmulatorHarness> StartAsync(EmulatorTenant tenant, EmulatorOptions? options = null, string? token = null, bool realWaits = false, int maxRetries = 6, SlidingWindowLimiter? reportingLimiter = null)
    {
        options ??= new EmulatorOptions();
        if (token != null)
        {
            options.AccessToken = token;
        }

        GraphEmulator emulator = await GraphEmulator.StartAsync(tenant, options);
        var waits = new List<TimeSpan>();
        var policy = new GraphRetryPolicy
        {
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(30),
            Delay = async (delay, cancel) =>
            {
                lock (waits)
                {
                    waits.Add(delay);
                }

                await Task.Delay(realWaits ? delay : TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds, 5)), cancel);
            },
        };
        GraphConnection connection = await GraphConnection.ConnectAsync(new ConnectionRequest
        {
            Mode = AuthenticationMode.AccessToken,
            AccessToken = Secure(options.AccessToken),
            GraphBaseUrl = emulator.BaseUrl,
        }, CancellationToken.None, policy, reportingLimiter ?? new SlidingWindowLimiter(10_000, TimeSpan.FromSeconds(1)));
        return new EmulatorHarness(emulator, connection, waits);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
