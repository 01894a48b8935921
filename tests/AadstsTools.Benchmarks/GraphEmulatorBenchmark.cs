using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AadstsTools.Benchmarks;

// Inside the namespace: from AadstsTools.*, the namespace AadstsTools.GraphEmulator would otherwise hide the class.
using AadstsTools.GraphEmulator;

/// <summary>
/// The Graph emulator's own capacity on this machine, so Graph benchmarks know the emulator is not their bottleneck:
/// start-up with 10,000 users, then request rates at 8 concurrent callers for the shapes the module sends.
/// </summary>
public sealed class GraphEmulatorBenchmark : IBenchmark
{
    private const int Users = 10_000;
    private const int Callers = 8;

    public string Name => "emulator";

    public string Description => "Graph emulator start-up and requests per second with 10,000 users";

    public async Task RunAsync(BenchmarkReport report)
    {
        report.Heading("Graph emulator (test support)");

        var clock = Stopwatch.StartNew();
        var tenant = EmulatorTenant.Generate(Users, seed: 1);
        report.Figure("generate 10,000 users and 30,000 sign-ins", clock.Elapsed.TotalMilliseconds, "ms");
        clock.Restart();
        await using var emulator = await GraphEmulator.StartAsync(tenant);
        report.Figure("start on loopback", clock.Elapsed.TotalMilliseconds, "ms");

        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.AccessToken);
        var ids = tenant.Users.Select(u => u.Id).ToArray();
        var chunks = ids.Chunk(15).ToArray();

        await Rate(report, "GET /users/{id}?$select=…", ids.Length, i =>
            client.GetAsync($"{emulator.BaseUrl}/users/{ids[i]}?$select=id,accountEnabled,passwordPolicies,lastPasswordChangeDateTime"));

        await Rate(report, "GET /users?$filter=id in (15 ids)", chunks.Length, i =>
            client.GetAsync($"{emulator.BaseUrl}/users?$select=id,accountEnabled&$filter=id in ({string.Join(",", chunks[i].Select(id => $"'{id}'"))})"));

        await Rate(report, "GET /auditLogs/signIns, 15 users, 7 days", chunks.Length, i =>
            client.GetAsync($"{emulator.BaseUrl}/auditLogs/signIns?$filter=createdDateTime ge {DateTime.UtcNow.AddDays(-7):yyyy-MM-ddTHH:mm:ssZ} and ({string.Join(" or ", chunks[i].Select(id => $"userId eq '{id}'"))})"));

        var batches = ids.Chunk(20).ToArray();
        await Rate(report, "POST /$batch of 20 password resets", batches.Length, i =>
        {
            var requests = batches[i].Select((id, k) => new
            {
                id = k.ToString(),
                method = "PATCH",
                url = "/users/" + id,
                headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                body = new { passwordProfile = new { password = "Tq7#vLm2$Rx9!pWd", forceChangePasswordNextSignIn = true } },
            });
            var content = new StringContent(JsonSerializer.Serialize(new { requests }), Encoding.UTF8, "application/json");
            return client.PostAsync(emulator.BaseUrl + "/$batch", content);
        }, subRequests: 20);

        var pages = 0;
        clock.Restart();
        string? next = emulator.BaseUrl + "/auditLogs/signIns?$top=1000";
        while (next is not null)
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync(next));
            next = document.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages++;
        }

        report.Figure("page through 30,000 sign-ins (1,000 a page)", clock.Elapsed.TotalMilliseconds, "ms", $"{pages} pages");
    }

    private static async Task Rate(BenchmarkReport report, string name, int count, Func<int, Task<HttpResponseMessage>> send, int subRequests = 1)
    {
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var response = await send(i);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        clock.Stop();
        var note = $"{count} requests, {Callers} callers" + (subRequests > 1 ? $", {count * subRequests / clock.Elapsed.TotalSeconds:N0} sub-requests/s" : string.Empty)
            + (failures > 0 ? $", {failures} FAILED" : string.Empty);
        report.Figure(name, count / clock.Elapsed.TotalSeconds, "per second", note);
    }
}
