using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Http;

/// <summary>Authentication, throttling, random and targeted faults, dropped connections, routing errors.</summary>
public class FaultTests
{
    [Fact]
    public async Task No_token_or_a_wrong_one_is_401_InvalidAuthenticationToken()
    {
        await using var emulator = await Contoso.StartAsync();
        using var anonymous = new GraphHttp(emulator, token: null);
        using var wrong = new GraphHttp(emulator, "not-the-token");

        var missing = await anonymous.GetAsync("users");
        var invalid = await wrong.GetAsync("users");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("InvalidAuthenticationToken", missing.ErrorCode);
        Assert.Equal("Access token is empty.", missing.ErrorMessage);
        Assert.StartsWith("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.Status);
        Assert.Equal(2, emulator.Requests.Count(r => r.Status == 401));
    }

    [Fact]
    public async Task Over_the_limit_requests_get_429_until_the_window_frees()
    {
        var options = new EmulatorOptions { Throttle = new ThrottleLimit(2, TimeSpan.FromSeconds(1)) };
        await using var emulator = await Contoso.StartAsync(options);
        using var http = new GraphHttp(emulator);

        var first = await http.GetAsync("domains");
        var second = await http.GetAsync("domains");
        var third = await http.GetAsync("domains");
        await Task.Delay(TimeSpan.FromSeconds(double.Parse(third.Header("Retry-After"))));
        var afterWaiting = await http.GetAsync("domains");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("1", third.Header("Retry-After"));
        Assert.Equal("TooManyRequests", third.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, afterWaiting.Status);
    }

    [Fact]
    public async Task A_decimal_Retry_After_is_sent_as_given()
    {
        var options = new EmulatorOptions { Throttle = new ThrottleLimit(1, TimeSpan.FromMinutes(1)), RetryAfterSeconds = 2.128 };
        await using var emulator = await Contoso.StartAsync(options);
        using var http = new GraphHttp(emulator);

        await http.GetAsync("domains");
        var throttled = await http.GetAsync("domains");

        Assert.Equal("2.128", throttled.Header("Retry-After"));
    }

    [Fact]
    public async Task Random_transient_failures_are_503_or_504_and_repeat_with_the_seed()
    {
        async Task<int[]> RunAsync()
        {
            await using var emulator = await Contoso.StartAsync(new EmulatorOptions { TransientFailureRate = 0.5, RandomSeed = 42, TransientRetryAfterSeconds = 1 });
            using var http = new GraphHttp(emulator);
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                var result = await http.GetAsync("domains");
                statuses.Add((int)result.Status);
                if (result.Status != HttpStatusCode.OK)
                {
                    Assert.Equal("1", result.Header("Retry-After"));
                }
            }

            return statuses.ToArray();
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.All(first, s => Assert.Contains(s, new[] { 200, 503, 504 }));
        Assert.InRange(first.Count(s => s != 200), 8, 32);
        Assert.Contains(503, first);
        Assert.Contains(504, first);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_client_and_is_recorded_with_status_0()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { DroppedConnectionRate = 1 });
        using var http = new GraphHttp(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("domains"));

        Assert.Equal(0, Assert.Single(emulator.Requests).Status);
    }

    [Fact]
    public async Task A_drop_after_processing_leaves_the_change_made()
    {
        var options = new EmulatorOptions { DroppedConnectionRate = 1, DroppedConnectionPoint = DropPoint.AfterProcessing };
        await using var emulator = await Contoso.StartAsync(options);
        using var http = new GraphHttp(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            http.PatchAsync($"users/{Contoso.Alice}", $"{{\"passwordProfile\":{{\"password\":\"{Contoso.StrongPassword}\"}}}}"));

        Assert.Single(emulator.Tenant.GetUser(Contoso.Alice).PasswordResets);
    }

    [Fact]
    public async Task A_targeted_rule_fails_the_next_matching_requests_only()
    {
        await using var emulator = await Contoso.StartAsync();
        emulator.Options.AddFaultRule(FaultRule.ForPath("/auditLogs/signIns", 500, times: 2));
        using var http = new GraphHttp(emulator);

        var users = await http.GetAsync("users");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.GetAsync("auditLogs/signIns?$top=1")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Equal(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK }, statuses);
        Assert.Equal(0, emulator.Options.FaultRules.Single().Remaining);
    }

    [Fact]
    public async Task A_predicate_rule_can_drop_a_batch_or_answer_with_its_own_code()
    {
        await using var emulator = await Contoso.StartAsync();
        emulator.Options.AddFaultRule(new FaultRule(r => r.Method == "PATCH" && r.InBatch, times: 1) { DropConnection = true });
        emulator.Options.AddFaultRule(new FaultRule(r => r.Path.EndsWith(Contoso.Bob, StringComparison.Ordinal), 403, times: 1) { Code = "Authorization_RequestDenied", Message = "Nope." });
        using var http = new GraphHttp(emulator);
        var batch = $"{{\"requests\":[{{\"id\":\"1\",\"method\":\"PATCH\",\"url\":\"/users/{Contoso.Alice}\",\"body\":{{\"passwordProfile\":{{\"password\":\"{Contoso.StrongPassword}\"}}}},\"headers\":{{\"Content-Type\":\"application/json\"}}}}]}}";

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("$batch", batch));
        var denied = await http.GetAsync($"users/{Contoso.Bob}");

        Assert.Empty(emulator.Tenant.GetUser(Contoso.Alice).PasswordResets);
        Assert.Equal("Nope.", denied.ErrorMessage);
        emulator.Options.ClearFaultRules();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"users/{Contoso.Bob}")).Status);
    }

    [Theory]
    [InlineData("GET", "groups", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "users/" + Contoso.Alice, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "domains", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "users/" + Contoso.Alice + "/manager", HttpStatusCode.BadRequest)]
    public async Task Unknown_resources_and_methods_are_refused_like_Graph(string method, string url, HttpStatusCode expected)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.SendAsync(new HttpMethod(method), url, null);

        Assert.Equal(expected, result.Status);
        Assert.NotNull(result.ErrorCode);
    }

    [Fact]
    public async Task Another_version_than_v1_is_refused()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync(emulator.BaseUrl.Replace("/v1.0", "/beta") + "/users");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
    }

    [Fact]
    public async Task A_gzip_compressed_body_is_read()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var json = Encoding.UTF8.GetBytes($"{{\"passwordProfile\":{{\"password\":\"{Contoso.StrongPassword}\"}}}}");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(json);
        }

        using var request = new HttpRequestMessage(HttpMethod.Patch, http.Url($"users/{Contoso.Alice}"))
        {
            Content = new ByteArrayContent(compressed.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.AccessToken);

        var result = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
    }

    [Fact]
    public async Task Requests_are_recorded_with_decoded_queries_and_can_be_cleared()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        await http.GetAsync("users?$select=id&$top=2");
        var recorded = Assert.Single(emulator.Requests);
        emulator.ClearRequests();

        Assert.Equal(("GET", "/users", "$select=id&$top=2", false, 200), (recorded.Method, recorded.Path, recorded.Query, recorded.InBatch, recorded.Status));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Options_changed_while_running_apply_to_the_next_request()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var before = await http.GetAsync("auditLogs/signIns?$top=1");
        emulator.Options.TenantHasPremium = false;
        var after = await http.GetAsync("auditLogs/signIns?$top=1");
        emulator.Options.AccessToken = "rotated";
        var oldToken = await http.GetAsync("domains");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.Status);
        Assert.Equal("rotated", emulator.AccessToken);
    }
}
