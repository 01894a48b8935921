using System.Diagnostics;
using System.Text;
using AadstsTools.Catalog;
using AadstsTools.Lookup;
using AadstsTools.Output;
using AadstsTools.Parsing;

namespace AadstsTools.Benchmarks;

/// <summary>Catalog lookups, message parsing, and the CLI's cold start beside an empty console app's.</summary>
public sealed class GuidanceBenchmark : IBenchmark
{
    public string Name => "guidance";

    public string Description => "lookups per second, parse throughput, CLI cold start";

    public Task RunAsync(BenchmarkReport report)
    {
        report.Heading("Get-AadstsGuidance engine");

        var load = Stopwatch.StartNew();
        GuidanceCatalog catalog = GuidanceCatalog.BuiltIn;
        load.Stop();
        report.Figure("catalog first load", load.Elapsed.TotalMilliseconds, "ms", $"{catalog.Count} entries");

        var service = new GuidanceService(catalog);
        int[] codes = catalog.Entries.Where(e => e.Code.HasValue).Select(e => e.Code!.Value).ToArray();
        long lookups = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
        {
            foreach (int code in codes)
            {
                service.ForCode(code);
            }

            lookups += codes.Length;
        }

        report.Figure("lookups by code", lookups / clock.Elapsed.TotalSeconds, "per second");

        var sink = new NullOutput();
        string message = File.Exists("examples/az-login-error.json") ? File.ReadAllText("examples/az-login-error.json") : SampleMessage;
        long explained = 0;
        clock.Restart();
        while (clock.ElapsedMilliseconds < 1000)
        {
            explained += service.Explain(message, sink);
        }

        report.Figure("explain a JSON error response", explained / clock.Elapsed.TotalSeconds, "per second");

        string big = BuildMixedText(10 * 1024 * 1024, out int planted);
        clock.Restart();
        ParseResult parsed = ErrorTextParser.Parse(big);
        clock.Stop();
        report.Figure("parse 10 MB of mixed log text", big.Length / 1024.0 / 1024.0 / clock.Elapsed.TotalSeconds, "MB/s", $"{parsed.Occurrences.Count} of {planted} errors found");

        string garbage = new string('x', 10 * 1024 * 1024);
        clock.Restart();
        ErrorTextParser.Parse(garbage);
        clock.Stop();
        report.Figure("parse 10 MB with no code", clock.Elapsed.TotalMilliseconds, "ms");

        ColdStart(report);
        return Task.CompletedTask;
    }

    private static void ColdStart(BenchmarkReport report)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "aadsts.dll");
        string empty = Path.Combine(AppContext.BaseDirectory, "empty-console.dll");
        const int runs = 10;
        double emptyMs = MedianStart(empty, Array.Empty<string>(), runs);
        double cliMs = MedianStart(cli, new[] { "explain", "AADSTS50126" }, runs);
        report.Figure("cold start: empty console app", emptyMs, "ms", $"median of {runs}");
        report.Figure("cold start: aadsts explain AADSTS50126", cliMs, "ms", $"median of {runs}, {cliMs / emptyMs:N1}x the empty app");
    }

    private static double MedianStart(string dll, string[] args, int runs)
    {
        var times = new List<double>();
        for (int i = 0; i < runs + 1; i++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            clock.Stop();
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static string BuildMixedText(int size, out int planted)
    {
        var random = new Random(7);
        int[] codes = { 50126, 50053, 50076, 53003, 50058, 700016, 7000215 };
        var text = new StringBuilder(size + 1024);
        planted = 0;
        while (text.Length < size)
        {
            text.Append("2026-11-20T09:14:52Z INFO request handled in 12ms user=alice@contoso.com path=/api/items\n");
            if (random.Next(20) == 0)
            {
                planted++;
                text.Append("AADSTS").Append(codes[random.Next(codes.Length)]).Append(": failure. Trace ID: ")
                    .Append(Guid.NewGuid()).Append(" Correlation ID: ").Append(Guid.NewGuid()).Append(" Timestamp: 2026-11-20 09:14:52Z\n");
            }
        }

        return text.ToString();
    }

    private const string SampleMessage = "AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333 Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd Timestamp: 2026-11-20 09:14:52Z";

    private sealed class NullOutput : IEngineOutput
    {
        public CancellationToken CancellationToken => default;

        public void WriteObject(object item)
        {
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
