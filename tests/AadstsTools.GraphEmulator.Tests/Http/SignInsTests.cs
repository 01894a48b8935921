using System.Globalization;
using System.Net;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Http;

/// <summary>GET /auditLogs/signIns: order, the filters the module uses, paging and its shape.</summary>
public class SignInsTests
{
    private static string Since(TimeSpan ago) =>
        (DateTimeOffset.UtcNow - ago).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task<GraphResult> Query(GraphHttp http, string filter, string extra = "") =>
        await http.GetAsync("auditLogs/signIns?$filter=" + Uri.EscapeDataString(filter) + extra);

    [Fact]
    public async Task Sign_ins_come_newest_first_in_Graphs_shape()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("auditLogs/signIns");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(emulator.Tenant.SignIns.Count, result.Values.Length);
        var times = result.Values.Select(v => v.GetProperty("createdDateTime").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var first = result.Values[0];
        foreach (var name in new[] { "id", "userId", "userPrincipalName", "userDisplayName", "appId", "appDisplayName", "ipAddress", "clientAppUsed", "correlationId", "conditionalAccessStatus", "isInteractive" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }

        Assert.True(first.GetProperty("status").TryGetProperty("errorCode", out _));
        Assert.True(first.GetProperty("status").TryGetProperty("failureReason", out _));
        Assert.True(first.GetProperty("status").TryGetProperty("additionalDetails", out _));
        Assert.Equal("Seattle", first.GetProperty("location").GetProperty("city").GetString());
    }

    [Fact]
    public async Task A_users_recent_failures_by_userId_and_time_window()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await Query(http, $"userId eq '{Contoso.Nick}' and createdDateTime ge {Since(TimeSpan.FromHours(1))} and status/errorCode ne 0");

        Assert.Equal(13, result.Values.Length);
        Assert.Equal(3, result.Values.Count(v => v.GetProperty("status").GetProperty("errorCode").GetInt32() == 50053));
        Assert.Equal(10, result.Values.Count(v => v.GetProperty("status").GetProperty("errorCode").GetInt32() == 50126));
    }

    [Fact]
    public async Task A_set_of_users_in_one_or_group_with_a_time_window()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await Query(http, $"createdDateTime ge {Since(TimeSpan.FromDays(7))} and (userId eq '{Contoso.Paul}' or userId eq '{Contoso.Judy}' or userId eq '{Contoso.Bob}')");

        var users = result.Values.Select(v => v.GetProperty("userId").GetString()).Distinct().Order().ToArray();
        Assert.Equal(new[] { Contoso.Bob, Contoso.Judy, Contoso.Paul }.Order(), users);
        Assert.Equal(4 + 2 + 4, result.Values.Length);
        var times = result.Values.Select(v => v.GetProperty("createdDateTime").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Theory]
    [InlineData("status/errorCode eq 50053", 3)]
    [InlineData("status/errorCode eq 50132 or status/errorCode eq 50133", 2)]
    [InlineData("userPrincipalName eq 'olivia.stalecreds@contoso.com'", 13)]
    [InlineData("userPrincipalName eq 'Olivia.StaleCreds@contoso.com'", 0)]
    [InlineData("startsWith(userPrincipalName,'paul')", 4)]
    [InlineData("appId eq '27922004-5251-4030-b22d-91ecd9a37ea4'", 12)]
    [InlineData("ipAddress eq '198.51.100.23' and status/errorCode eq 50126", 10)]
    public async Task Filters_select_the_right_events(string filter, int expected)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await Query(http, filter);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(expected, result.Values.Length);
    }

    [Fact]
    public async Task A_time_range_on_both_sides_returns_only_events_inside_it()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var from = DateTimeOffset.UtcNow.AddHours(-3);
        var to = DateTimeOffset.UtcNow.AddHours(-1);

        var result = await Query(http, $"createdDateTime ge {Since(TimeSpan.FromHours(3))} and createdDateTime le {Since(TimeSpan.FromHours(1))}");

        var expected = emulator.Tenant.SignIns.Count(s => s.CreatedDateTime >= from.AddSeconds(-2) && s.CreatedDateTime <= to.AddSeconds(1));
        Assert.InRange(result.Values.Length, expected - 1, expected);
        Assert.All(result.Values, v => Assert.InRange(v.GetProperty("createdDateTime").GetDateTimeOffset(), from.AddSeconds(-5), to.AddSeconds(5)));
    }

    [Fact]
    public async Task Pages_of_top_events_join_up_to_the_whole_log()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var ids = new List<string>();
        string? url = "auditLogs/signIns?$top=7&$orderby=createdDateTime desc";
        while (url is not null)
        {
            var page = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            ids.AddRange(page.Values.Select(v => v.GetProperty("id").GetString()!));
            url = page.NextLink;
        }

        Assert.Equal(emulator.Tenant.SignIns.Select(s => s.Id), ids);
    }

    [Theory]
    [InlineData("auditLogs/signIns?$top=1001")]
    [InlineData("auditLogs/signIns?$select=id")]
    [InlineData("auditLogs/signIns?$orderby=userId")]
    [InlineData("auditLogs/signIns?$filter=status/errorCode eq '50126'")]
    [InlineData("auditLogs/signIns?$filter=riskState eq 'none'")]
    public async Task Queries_the_sign_in_log_does_not_take_are_400s(string url)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
    }

    [Fact]
    public async Task One_event_by_id()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var signIn = emulator.Tenant.SignIns[3];

        var result = await http.GetAsync($"auditLogs/signIns/{signIn.Id}");

        Assert.Equal(signIn.UserId, result.Json.GetProperty("userId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"auditLogs/signIns/{Guid.NewGuid()}")).Status);
    }
}
