using System.Diagnostics;
using AadstsTools.Catalog;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.Output;
using AadstsTools.Readiness;
using AadstsTools.SignIns;

namespace AadstsTools.Benchmarks;

using AadstsTools.GraphEmulator;
using AadstsTools.GraphEmulator.Faults;

/// <summary>
/// Test-UserSignInReadiness on 10,000 users against the emulator with a fixed latency and Graph's reporting
/// limit enforced: Graph requests per user and wall time beside the floor that limit imposes, and the same
/// figures for the naive way (a sequential per-user loop: user + registration details + sign-ins).
/// </summary>
public sealed class ReadinessBenchmark : IBenchmark
{
    private const int Users = 10_000;
    private const int NaiveSample = 10;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    public string Name => "readiness";

    public string Description => "sign-in readiness of 10,000 users vs a per-user loop (takes minutes: the reporting limit)";

    public async Task RunAsync(BenchmarkReport report)
    {
        report.Heading($"Test-UserSignInReadiness, {Users:N0} users, {Latency.TotalMilliseconds} ms per request, reporting limit 5 per 10 s");
        var tenant = EmulatorTenant.Generate(Users, seed: 42, signInsPerUser: 3);
        await using var emulator = await GraphEmulator.StartAsync(tenant, new EmulatorOptions { Latency = Latency, ReportingThrottle = ThrottleLimit.GraphReportingApi });
        var inputs = tenant.Users.Select(u => u.UserPrincipalName).ToList();

        // The module: sets of 500, batched lookups, each report read once for everybody.
        var connection = await GraphBenchmarkSupport.ConnectAsync(emulator);
        var output = new CountingOutput();
        var clock = Stopwatch.StartNew();
        await new ReadinessRunner(connection.Gateway, GuidanceCatalog.BuiltIn, new ReadinessOptions(), connection.PermissionGap).RunAsync(inputs, output);
        clock.Stop();
        TimeSpan moduleTime = clock.Elapsed;
        var requests = emulator.Requests;
        long http = requests.Count(r => !r.InBatch);
        long operations = requests.Count(r => !(r.Path == "/$batch" && !r.InBatch));
        long reporting = requests.Count(r => !r.InBatch && (r.Path.StartsWith("/reports", StringComparison.Ordinal) || r.Path.StartsWith("/auditLogs", StringComparison.Ordinal)));
        TimeSpan floor = GraphBenchmarkSupport.ReportingFloor(reporting);
        report.Text($"module: {output.Results:N0} results for {Users:N0} inputs, {output.Errors} errors, {requests.Count(r => r.Status == 429)} throttled answers");
        report.Figure("module: HTTP requests per user", (double)http / Users, "requests", $"{http:N0} in all; target <= 0.1", decimals: 4);
        report.Figure("module: Graph operations per user", (double)operations / Users, "operations", $"{operations:N0}, $batch sub-requests counted one by one", decimals: 4);
        report.Figure("module: reporting calls", reporting, "calls");
        report.Figure("module: wall time", moduleTime.TotalSeconds, "s");
        report.Figure("module: floor the reporting limit imposes", floor.TotalSeconds, "s", $"wall / floor = {(floor.TotalSeconds > 0 ? moduleTime.TotalSeconds / floor.TotalSeconds : 0):N2}; target <= 1.5");

        // The naive way, on a sample: it would take hours on all users.
        emulator.ClearRequests();
        var naive = await GraphBenchmarkSupport.ConnectAsync(emulator);
        DateTimeOffset since = DateTimeOffset.UtcNow.AddDays(-7);
        clock.Restart();
        foreach (string upn in inputs.Take(NaiveSample))
        {
            UserKey.TryParse(upn, out UserKey? key, out _);
            DirectoryUser user = await naive.Gateway.GetUserAsync(key!, CancellationToken.None);
            await naive.Gateway.GetRegistrationDetailsAsync(user.Id, CancellationToken.None);
            await foreach (SignInEvent _ in naive.Gateway.GetSignInsAsync(new SignInQuery(since) { UserId = user.Id }, CancellationToken.None))
            {
            }
        }

        clock.Stop();
        long naiveHttp = emulator.Requests.Count(r => !r.InBatch);
        double perUser = clock.Elapsed.TotalSeconds / NaiveSample;
        report.Figure($"naive: HTTP requests per user ({NaiveSample} measured)", (double)naiveHttp / NaiveSample, "requests");
        report.Figure($"naive: wall time for {NaiveSample} users", clock.Elapsed.TotalSeconds, "s");
        report.Figure($"naive: wall time for {Users:N0} users (extrapolated)", perUser * Users / 3600, "h", $"floor {GraphBenchmarkSupport.ReportingFloor(2L * Users).TotalHours:N1} h");
        report.Figure("module speed-up over the naive loop", perUser * Users / moduleTime.TotalSeconds, "x", "extrapolated");
    }

    private sealed class CountingOutput : IEngineOutput
    {
        public int Results;
        public int Errors;

        public CancellationToken CancellationToken => default;

        public void WriteObject(object item) => Interlocked.Increment(ref Results);

        public void WriteError(EngineError error) => Interlocked.Increment(ref Errors);

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
