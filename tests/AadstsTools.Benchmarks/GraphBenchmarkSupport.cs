using System.Security;
using AadstsTools.Connection;
using AadstsTools.Graph;

namespace AadstsTools.Benchmarks;

using AadstsTools.GraphEmulator;

/// <summary>The production connection to an emulator (static token, the emulator's base URL), for the Graph benchmarks.</summary>
internal static class GraphBenchmarkSupport
{
    public static Task<GraphConnection> ConnectAsync(GraphEmulator emulator, SlidingWindowLimiter? reportingLimiter = null)
    {
        var token = new SecureString();
        foreach (char c in emulator.AccessToken)
        {
            token.AppendChar(c);
        }

        token.MakeReadOnly();
        return GraphConnection.ConnectAsync(new ConnectionRequest
        {
            Mode = AuthenticationMode.AccessToken,
            AccessToken = token,
            GraphBaseUrl = emulator.BaseUrl,
        }, CancellationToken.None, reportingLimiter: reportingLimiter);
    }

    /// <summary>The least wall time N reporting calls need under Graph's 5 calls per 10 seconds.</summary>
    public static TimeSpan ReportingFloor(long calls) => calls <= 5 ? TimeSpan.Zero : TimeSpan.FromSeconds((calls - 1) / 5 * 10);
}
