using System.Diagnostics;
using AadstsTools.Catalog;
using AadstsTools.Lookup;
using AadstsTools.Output;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Analysis;
using AadstsTools.SignIns.Files;
using AadstsTools.TestData;

namespace AadstsTools.Benchmarks;

/// <summary>
/// A 100,000-row sign-in download (the portal's maximum), CSV and JSON, written to a temp file: rows per
/// second read, read and summarised, read and listed; the managed heap's peak while reading (sampled every
/// 1,000 rows), bytes allocated per row, and the process's peak working set.
/// </summary>
public sealed class SignInTriageBenchmark : IBenchmark
{
    private const int Rows = 100_000;

    public string Name => "signins";

    public string Description => "100,000-row sign-in download, CSV and JSON: rows/second and peak memory";

    public Task RunAsync(BenchmarkReport report)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aadsts-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string csv = Path.Combine(folder, "InteractiveSignIns_100k.csv");
            string json = Path.Combine(folder, "InteractiveSignIns_100k.json");
            SyntheticSignInLog.WriteCsv(csv, SyntheticSignInLog.Volume(Rows), SignInLogType.Interactive);
            SyntheticSignInLog.WriteJson(json, SyntheticSignInLog.Volume(Rows), SignInLogType.Interactive);
            var service = new GuidanceService(GuidanceCatalog.BuiltIn);

            foreach (string path in new[] { csv, json })
            {
                string format = Path.GetExtension(path).TrimStart('.').ToUpperInvariant();
                report.Heading($"Get-AadSignInFailure -Path: {Rows:N0}-row {format} download ({new FileInfo(path).Length / 1024.0 / 1024.0:N1} MB)");

                // The first pass pays for JIT and the catalog; the figures come from the second.
                Measure(path, events => events.Count());
                var read = Measure(path, events => events.Count());
                report.Figure("read only", read.RowsPerSecond, "rows/s", $"{read.Elapsed.TotalMilliseconds:N0} ms for {read.Rows:N0} rows");

                var summary = Measure(path, events => Triage(service, events, new SignInTriageOptions { Summary = true }));
                report.Figure("read and summarise (-Summary)", summary.RowsPerSecond, "rows/s", $"{summary.Elapsed.TotalMilliseconds:N0} ms");

                var list = Measure(path, events => Triage(service, events, new SignInTriageOptions()));
                report.Figure("read and list failures", list.RowsPerSecond, "rows/s", $"{list.Elapsed.TotalMilliseconds:N0} ms, {list.Rows:N0} failures");

                report.Figure("peak managed heap while reading", summary.PeakHeapBytes / 1024.0 / 1024.0, "MB", $"above the {summary.BaselineHeapBytes / 1024.0 / 1024.0:N1} MB before, garbage not yet collected included; sampled every 1,000 rows");
                report.Figure("allocated per row", summary.AllocatedBytes / (double)Rows, "bytes", "garbage, collected as it goes");
            }

            report.Figure("process peak working set", Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, "MB", "whole run, file generation included");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static long Triage(GuidanceService service, IEnumerable<SignInEvent> events, SignInTriageOptions options)
    {
        var output = new CountingOutput();
        var triage = new SignInTriage(service, options, output);
        triage.AddRange(events);
        triage.Complete();
        return output.Objects;
    }

    private static Measurement Measure(string path, Func<IEnumerable<SignInEvent>, long> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0;
        long seen = 0;
        var report = new SignInReadReport(Path.GetFileName(path));

        IEnumerable<SignInEvent> Sampled()
        {
            foreach (SignInEvent signIn in SignInFileReader.Read(path, report))
            {
                if (++seen % 1000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
                }

                yield return signIn;
            }
        }

        var clock = Stopwatch.StartNew();
        long rows = work(Sampled());
        clock.Stop();
        if (report.Error != null || report.RowsRead != Rows)
        {
            throw new InvalidOperationException($"{path}: read {report.RowsRead:N0} rows, error: {report.Error?.Message}");
        }

        return new Measurement(rows, clock.Elapsed, Rows / clock.Elapsed.TotalSeconds, peak, baseline, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private sealed record Measurement(long Rows, TimeSpan Elapsed, double RowsPerSecond, long PeakHeapBytes, long BaselineHeapBytes, long AllocatedBytes);

    private sealed class CountingOutput : IEngineOutput
    {
        public long Objects { get; private set; }

        public CancellationToken CancellationToken => default;

        public void WriteObject(object item) => Objects++;

        public void WriteError(EngineError error) => throw new InvalidOperationException(error.Message);

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
