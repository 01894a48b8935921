using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Http;

/// <summary>POST /$batch: per-request results, limits, throttling inside a batch, latency once per HTTP request.</summary>
public class BatchTests
{
    private static string Batch(params object[] requests) => JsonSerializer.Serialize(new { requests });

    private static object Get(string id, string url) => new { id, method = "GET", url };

    private static Dictionary<string, JsonElement> ById(GraphResult result) =>
        result.Json.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

    [Fact]
    public async Task Each_request_gets_its_own_status_headers_and_body()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var body = Batch(
            Get("1", $"/users/{Contoso.Alice}?$select=id,accountEnabled"),
            Get("2", "/users/ghost@contoso.com"),
            new { id = "3", method = "PATCH", url = $"/users/{Contoso.Bob}", headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                body = new { passwordProfile = new { password = Contoso.StrongPassword, forceChangePasswordNextSignIn = true } } },
            new { id = "4", method = "PATCH", url = $"users/{Contoso.Carol}", headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                body = new { passwordProfile = new { password = "weak" } } });

        var result = await http.PostAsync("$batch", body);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var responses = ById(result);
        Assert.Equal(200, responses["1"].GetProperty("status").GetInt32());
        Assert.True(responses["1"].GetProperty("body").GetProperty("accountEnabled").GetBoolean());
        Assert.StartsWith("application/json", responses["1"].GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(404, responses["2"].GetProperty("status").GetInt32());
        Assert.Equal("Request_ResourceNotFound", responses["2"].GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(204, responses["3"].GetProperty("status").GetInt32());
        Assert.False(responses["3"].TryGetProperty("body", out _));
        Assert.Equal(400, responses["4"].GetProperty("status").GetInt32());

        var reset = Assert.Single(emulator.Tenant.GetUser(Contoso.Bob).PasswordResets);
        Assert.True(reset.InBatch);
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Carol).PasswordResets);

        var recorded = emulator.Requests;
        Assert.Equal(4, recorded.Count(r => r.InBatch));
        Assert.Single(recorded, r => !r.InBatch && r.Path == "/$batch" && r.Status == 200);
        Assert.Contains(recorded, r => r.InBatch && r.Method == "PATCH" && r.Path == $"/users/{Contoso.Bob}" && r.Status == 204);
    }

    [Fact]
    public async Task More_than_twenty_requests_is_a_400_and_nothing_runs()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var requests = Enumerable.Range(1, 21).Select(i => Get(i.ToString(), $"/users/{Contoso.Alice}")).ToArray();

        var result = await http.PostAsync("$batch", Batch(requests));
        var twenty = await http.PostAsync("$batch", Batch(requests.Take(20).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(HttpStatusCode.OK, twenty.Status);
        Assert.Equal(20, emulator.Requests.Count(r => r.InBatch));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"requests\":[]}")]
    [InlineData("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\"}]}")]
    [InlineData("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"},{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"}]}")]
    [InlineData("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\",\"dependsOn\":[\"9\"]}]}")]
    public async Task Malformed_batches_are_400s(string body)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PostAsync("$batch", body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("BadRequest", result.ErrorCode);
    }

    [Fact]
    public async Task Absolute_urls_inside_a_batch_fail_on_their_own()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PostAsync("$batch", Batch(Get("1", "https://graph.microsoft.com/v1.0/users"), Get("2", "/domains")));

        var responses = ById(result);
        Assert.Equal(400, responses["1"].GetProperty("status").GetInt32());
        Assert.Equal(200, responses["2"].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_failed_dependency_is_424()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var body = Batch(
            new { id = "a", method = "GET", url = "/users/ghost@contoso.com" },
            new { id = "b", method = "POST", url = $"/users/{Contoso.Alice}/revokeSignInSessions", dependsOn = new[] { "a" } });

        var result = await http.PostAsync("$batch", body);

        Assert.Equal(424, ById(result)["b"].GetProperty("status").GetInt32());
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Alice).SessionRevocations);
    }

    [Fact]
    public async Task Throttled_sub_requests_get_their_own_429_and_Retry_After()
    {
        var options = new EmulatorOptions { Throttle = new ThrottleLimit(3, TimeSpan.FromMinutes(1)), RetryAfterSeconds = 2.128 };
        await using var emulator = await Contoso.StartAsync(options);
        using var http = new GraphHttp(emulator);
        var requests = Enumerable.Range(1, 5).Select(i => Get(i.ToString(), $"/users/{Contoso.Alice}")).ToArray();

        var result = await http.PostAsync("$batch", Batch(requests));

        var statuses = result.Json.GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("status").GetInt32()).ToArray();
        Assert.Equal(new[] { 200, 200, 200, 429, 429 }, statuses);
        var throttled = ById(result)["4"];
        Assert.Equal("2.128", throttled.GetProperty("headers").GetProperty("Retry-After").GetString());
        Assert.Equal("TooManyRequests", throttled.GetProperty("body").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_reporting_limit_counts_report_requests_inside_batches_only()
    {
        var options = new EmulatorOptions { ReportingThrottle = ThrottleLimit.GraphReportingApi };
        await using var emulator = await Contoso.StartAsync(options);
        using var http = new GraphHttp(emulator);
        var requests = Enumerable.Range(1, 7).Select(i => Get("r" + i, $"/auditLogs/signIns?$top={i}"))
            .Concat(Enumerable.Range(1, 3).Select(i => Get("u" + i, $"/users/{Contoso.Alice}")))
            .ToArray();

        var result = await http.PostAsync("$batch", Batch(requests));
        var afterwards = await http.GetAsync("reports/authenticationMethods/userRegistrationDetails");

        var responses = ById(result);
        Assert.Equal(5, Enumerable.Range(1, 7).Count(i => responses["r" + i].GetProperty("status").GetInt32() == 200));
        Assert.Equal(2, Enumerable.Range(1, 7).Count(i => responses["r" + i].GetProperty("status").GetInt32() == 429));
        Assert.All(Enumerable.Range(1, 3), i => Assert.Equal(200, responses["u" + i].GetProperty("status").GetInt32()));
        Assert.Equal(HttpStatusCode.TooManyRequests, afterwards.Status);
        var retryAfter = double.Parse(afterwards.Header("Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);
    }

    [Fact]
    public async Task Latency_is_paid_once_per_HTTP_request_not_per_sub_request()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(400) });
        using var http = new GraphHttp(emulator);
        var requests = Enumerable.Range(1, 10).Select(i => Get(i.ToString(), $"/users/{Contoso.Alice}")).ToArray();

        var clock = Stopwatch.StartNew();
        var result = await http.PostAsync("$batch", Batch(requests));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(390), TimeSpan.FromMilliseconds(3 * 400));
    }
}
