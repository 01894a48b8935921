using System.Net;
using System.Text.Json;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Http;

/// <summary>GET /users and /users/{id}: Graph's shapes, $select, $filter forms, limits, paging.</summary>
public class UsersTests
{
    [Fact]
    public async Task A_user_without_select_has_Graphs_default_properties_only()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync($"users/{Contoso.Alice}");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(emulator.BaseUrl + "/$metadata#users/$entity", result.Json.GetProperty("@odata.context").GetString());
        Assert.Equal(Contoso.Alice, result.Json.GetProperty("id").GetString());
        Assert.Equal("alice.ready@contoso.com", result.Json.GetProperty("userPrincipalName").GetString());
        Assert.Equal("Alice Ready", result.Json.GetProperty("displayName").GetString());
        Assert.False(result.Json.TryGetProperty("accountEnabled", out _), "accountEnabled is returned only on $select");
        Assert.False(result.Json.TryGetProperty("lastPasswordChangeDateTime", out _));
    }

    [Fact]
    public async Task Select_by_userPrincipalName_returns_exactly_the_selected_properties()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("users/GRACE.SYNCED@contoso.com?$select=accountEnabled,onPremisesSyncEnabled,onPremisesLastSyncDateTime,passwordPolicies,lastPasswordChangeDateTime");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var names = result.Json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "@odata.context", "accountEnabled", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime", "passwordPolicies", "lastPasswordChangeDateTime" }, names);
        Assert.EndsWith("#users(accountEnabled,onPremisesSyncEnabled,onPremisesLastSyncDateTime,passwordPolicies,lastPasswordChangeDateTime)/$entity",
            result.Json.GetProperty("@odata.context").GetString());
        Assert.True(result.Json.GetProperty("onPremisesSyncEnabled").GetBoolean());
        Assert.Equal("DisablePasswordExpiration", result.Json.GetProperty("passwordPolicies").GetString());
        var lastSync = result.Json.GetProperty("onPremisesLastSyncDateTime").GetDateTimeOffset();
        Assert.InRange(DateTimeOffset.UtcNow - lastSync, TimeSpan.FromMinutes(24), TimeSpan.FromMinutes(27));
    }

    [Fact]
    public async Task A_missing_user_is_a_404_with_Graphs_error_body_and_request_ids()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("users/nobody@contoso.com", ("client-request-id", "c0ffee00-1111-2222-3333-444455556666"));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("Request_ResourceNotFound", result.ErrorCode);
        Assert.Equal("Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.", result.ErrorMessage);
        var inner = result.Json.GetProperty("error").GetProperty("innerError");
        Assert.Equal(result.Header("request-id"), inner.GetProperty("request-id").GetString());
        Assert.Equal("c0ffee00-1111-2222-3333-444455556666", inner.GetProperty("client-request-id").GetString());
        Assert.Equal("c0ffee00-1111-2222-3333-444455556666", result.Header("client-request-id"));
        Assert.True(DateTime.TryParse(inner.GetProperty("date").GetString(), out _));
    }

    [Theory]
    [InlineData("users/" + Contoso.Alice + "?$select=favouriteColour", "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.")]
    [InlineData("users?$expand=manager", null)]
    [InlineData("users?$top=1000", "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")]
    [InlineData("users?$top=0", "Invalid page size specified: '0'. Must be between 1 and 999 inclusive.")]
    [InlineData("users?$filter=id eq 'not-a-guid'", "Invalid object identifier 'not-a-guid'.")]
    [InlineData("users?$filter=endsWith(userPrincipalName,'@contoso.com')", "Unsupported or invalid query filter clause specified for property 'userPrincipalName' of resource 'User'.")]
    [InlineData("users?$filter=jobTitle eq 'x'", "Unsupported or invalid query filter clause specified for property 'jobTitle' of resource 'User'.")]
    [InlineData("users?$filter=accountEnabled eq 'yes'", "A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.String' for operator kind 'Equal'.")]
    [InlineData("users?$filter=userPrincipalName eq alice", null)]
    [InlineData("users?$count=true", "$count is not currently supported.")]
    public async Task Queries_Graph_refuses_are_400s_with_its_message(string url, string? message)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.NotNull(result.ErrorCode);
        if (message is not null)
        {
            Assert.Equal(message, result.ErrorMessage);
        }
    }

    [Fact]
    public async Task Filter_id_in_returns_those_users_and_ignores_unknown_ids()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var unknown = Guid.NewGuid().ToString();

        var result = await http.GetAsync($"users?$filter=id in ('{Contoso.Alice}','{Contoso.Bob}','{unknown}')&$select=id,accountEnabled");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(new[] { Contoso.Alice, Contoso.Bob }, result.Values.Select(v => v.GetProperty("id").GetString()).Order());
        Assert.EndsWith("$metadata#users(id,accountEnabled)", result.Json.GetProperty("@odata.context").GetString());
    }

    [Fact]
    public async Task An_in_list_of_fifteen_values_is_accepted_and_sixteen_are_refused()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var ids = emulator.Tenant.Users.Select(u => $"'{u.Id}'").ToArray();

        var fifteen = await http.GetAsync($"users?$filter=id in ({string.Join(",", ids.Take(15))})");
        var sixteen = await http.GetAsync($"users?$filter=id in ({string.Join(",", ids.Take(16))})");
        var orChain = await http.GetAsync("users?$filter=" + string.Join(" or ", ids.Take(16).Select(id => $"id eq {id}")));

        Assert.Equal(15, fifteen.Values.Length);
        Assert.Equal(HttpStatusCode.BadRequest, sixteen.Status);
        Assert.Equal("Request_UnsupportedQuery", sixteen.ErrorCode);
        Assert.Equal("Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.", sixteen.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, orChain.Status);
    }

    [Theory]
    [InlineData("userPrincipalName in ('BOB.expired@contoso.com','carol.expiring@contoso.com')", new[] { Contoso.Bob, Contoso.Carol })]
    [InlineData("userPrincipalName eq 'frank.eu@eu.contoso.com'", new[] { Contoso.Frank })]
    [InlineData("id eq '" + Contoso.Judy + "'", new[] { Contoso.Judy })]
    [InlineData("startsWith(userPrincipalName,'o')", new[] { Contoso.Olivia })]
    [InlineData("userType eq 'Guest'", new[] { Contoso.Kim })]
    [InlineData("accountEnabled eq false", new[] { Contoso.Judy })]
    [InlineData("onPremisesSyncEnabled eq true and startsWith(userPrincipalName,'i')", new[] { Contoso.Ivan })]
    [InlineData("(userPrincipalName eq 'mia.admin@contoso.com' or userPrincipalName eq 'paul.justreset@contoso.com') and accountEnabled eq true", new[] { Contoso.Mia, Contoso.Paul })]
    public async Task Filter_forms_the_module_uses_select_the_right_users(string filter, string[] expected)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("users?$select=id&$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(expected.Order(), result.Values.Select(v => v.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task Advanced_queries_need_ConsistencyLevel_and_count_and_return_the_count()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        const string Url = "users?$filter=endsWith(userPrincipalName,'@fabrikam.com')&$count=true&$select=id";

        var withoutHeader = await http.GetAsync(Url);
        var advanced = await http.GetAsync(Url, ("ConsistencyLevel", "eventual"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.Status);
        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.Equal(1, advanced.Json.GetProperty("@odata.count").GetInt32());
        Assert.Equal(Contoso.Ivan, advanced.Values.Single().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Paging_with_top_follows_absolute_nextLinks_to_every_user_once()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var seen = new List<string>();
        var pages = 0;
        string? url = "users?$top=5&$select=id,userPrincipalName";
        while (url is not null)
        {
            var page = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(page.Values.Length <= 5);
            seen.AddRange(page.Values.Select(v => v.GetProperty("id").GetString()!));
            url = page.NextLink;
            if (url is not null)
            {
                Assert.StartsWith(emulator.BaseUrl + "/users?", url);
                Assert.Contains("$skiptoken=", url);
                Assert.Contains("$select=id%2CuserPrincipalName", url);
            }

            pages++;
        }

        Assert.Equal(4, pages);
        Assert.Equal(Contoso.UserCount, seen.Count);
        Assert.Equal(emulator.Tenant.Users.Select(u => u.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task A_skiptoken_replayed_on_another_query_is_refused()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var first = await http.GetAsync("users?$top=5");
        var token = first.NextLink!.Split("$skiptoken=")[1];

        var replayed = await http.GetAsync($"users?$top=6&$skiptoken={token}");

        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
    }

    [Fact]
    public async Task PasswordProfile_is_null_unless_a_forced_change_is_pending_and_never_shows_the_password()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var alice = await http.GetAsync($"users/{Contoso.Alice}?$select=passwordProfile");
        var paul = await http.GetAsync($"users/{Contoso.Paul}?$select=passwordProfile");

        Assert.Equal(JsonValueKind.Null, alice.Json.GetProperty("passwordProfile").ValueKind);
        var profile = paul.Json.GetProperty("passwordProfile");
        Assert.True(profile.GetProperty("forceChangePasswordNextSignIn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("password").ValueKind);
    }

    [Fact]
    public async Task Guest_userPrincipalNames_with_a_hash_are_found_when_url_encoded()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("users/" + Uri.EscapeDataString("kim_partner.example#EXT#@contoso.onmicrosoft.com") + "?$select=id,userType");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Guest", result.Json.GetProperty("userType").GetString());
    }
}
