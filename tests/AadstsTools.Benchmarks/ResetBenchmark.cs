using System.Diagnostics;
using AadstsTools.Output;
using AadstsTools.Reset;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace AadstsTools.Benchmarks;

using AadstsTools.GraphEmulator;

/// <summary>
/// Reset-AadUserPassword on 10,000 users against the emulator with a fixed latency, journaled, beside a
/// sequential loop of one PATCH per user through the same Graph SDK client: wall time, speed-up and users lost.
/// </summary>
public sealed class ResetBenchmark : IBenchmark
{
    private const int Users = 10_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(10);

    public string Name => "reset";

    public string Description => "10,000 password resets: this module vs one PATCH per user (takes a couple of minutes)";

    public async Task RunAsync(BenchmarkReport report)
    {
        report.Heading($"Reset-AadUserPassword, {Users:N0} users, {Latency.TotalMilliseconds} ms per request");
        string journal = Path.Combine(Path.GetTempPath(), "aadsts-bench-" + Guid.NewGuid().ToString("N") + ".jsonl");

        // The module: resolve in $batch, reset in $batch of 20, 4 batches at a time, journaled.
        var tenant = EmulatorTenant.Generate(Users, seed: 7, signInsPerUser: 0);
        await using (var emulator = await GraphEmulator.StartAsync(tenant, new EmulatorOptions { Latency = Latency }))
        {
            var connection = await GraphBenchmarkSupport.ConnectAsync(emulator);
            var inputs = tenant.Users.Where(Resettable(tenant)).Select(u => u.UserPrincipalName).ToList();
            var output = new Tally();
            var clock = Stopwatch.StartNew();
            using (var runner = new ResetRunner(connection.Gateway, new ResetOptions { JournalPath = journal }, connection.PermissionGap))
            {
                await runner.RunAsync(inputs, output);
            }

            clock.Stop();
            int lost = inputs.Count - tenant.Users.Count(u => u.PasswordResets.Count == 1);
            report.Figure("module: wall time", clock.Elapsed.TotalSeconds, "s", $"{inputs.Count:N0} users, {output.Reset:N0} reset, {lost} lost, {emulator.Requests.Count(r => !r.InBatch):N0} HTTP calls");
            report.Figure("module: resets per second", inputs.Count / clock.Elapsed.TotalSeconds, "per second");
            File.Delete(journal);

            // The sequential loop on a fresh tenant: one PATCH per user, the next only after the answer.
            var plain = EmulatorTenant.Generate(Users, seed: 7, signInsPerUser: 0);
            await using var second = await GraphEmulator.StartAsync(plain, new EmulatorOptions { Latency = Latency });
            var client = new GraphServiceClient(GraphClientFactory.Create(), new StaticToken(second.AccessToken), second.BaseUrl);
            var ids = plain.Users.Where(Resettable(plain)).Select(u => u.Id).ToList();
            var loop = Stopwatch.StartNew();
            foreach (string id in ids)
            {
                await client.Users[id].PatchAsync(new User { PasswordProfile = new PasswordProfile { Password = "Tq7#vLw2!pZx9&Rk", ForceChangePasswordNextSignIn = true } });
            }

            loop.Stop();
            int loopLost = ids.Count - plain.Users.Count(u => u.PasswordResets.Count == 1);
            report.Figure("sequential PATCH loop: wall time", loop.Elapsed.TotalSeconds, "s", $"{loopLost} lost");
            report.Figure("module speed-up", loop.Elapsed.TotalSeconds / clock.Elapsed.TotalSeconds, "x", "target >= 15, 0 lost");
        }
    }

    private static Func<AadstsTools.GraphEmulator.State.EmulatorUser, bool> Resettable(EmulatorTenant tenant) =>
        u => !u.IsAdmin && !u.IsGuest && tenant.DomainOf(u)?.AuthenticationType != "Federated";

    private sealed class StaticToken(string token) : Microsoft.Kiota.Abstractions.Authentication.IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(Microsoft.Kiota.Abstractions.RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }

    private sealed class Tally : IEngineOutput
    {
        public int Reset;

        public CancellationToken CancellationToken => default;

        public void WriteObject(object item)
        {
            if (item is PasswordResetResult { Status: ResetStatus.Reset })
            {
                Interlocked.Increment(ref Reset);
            }
        }

        public void WriteError(EngineError error)
        {
        }

        public void WriteWarning(string message)
        {
        }

        public void WriteVerbose(string message)
        {
        }

        public void WriteDebug(string message)
        {
        }

        public void WriteProgress(ProgressUpdate progress)
        {
        }

        public bool ShouldProcess(string target, string action) => true;
    }
}
