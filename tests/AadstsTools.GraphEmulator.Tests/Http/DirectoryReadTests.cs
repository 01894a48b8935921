using System.Net;
using System.Text.Json;
using AadstsTools.GraphEmulator.Security;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Http;

/// <summary>Domains, the registration report and authentication methods.</summary>
public class DirectoryReadTests
{
    [Fact]
    public async Task Domains_show_password_policy_values_and_leave_them_out_when_unset()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("domains");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var byId = result.Values.ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.Equal(5, byId.Count);
        Assert.Equal(90, byId["contoso.com"].GetProperty("passwordValidityPeriodInDays").GetInt32());
        Assert.Equal(14, byId["contoso.com"].GetProperty("passwordNotificationWindowInDays").GetInt32());
        Assert.True(byId["contoso.com"].GetProperty("isDefault").GetBoolean());
        Assert.Equal(2147483647, byId["lab.contoso.net"].GetProperty("passwordValidityPeriodInDays").GetInt32());
        Assert.False(byId["eu.contoso.com"].TryGetProperty("passwordValidityPeriodInDays", out _));
        Assert.False(byId["eu.contoso.com"].GetProperty("isRoot").GetBoolean());
        Assert.False(byId["contoso.onmicrosoft.com"].TryGetProperty("passwordNotificationWindowInDays", out _));
        Assert.True(byId["contoso.onmicrosoft.com"].GetProperty("isInitial").GetBoolean());
        Assert.Equal("Federated", byId["fabrikam.com"].GetProperty("authenticationType").GetString());
    }

    [Fact]
    public async Task One_domain_by_name_or_404()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var found = await http.GetAsync("domains/fabrikam.com");
        var missing = await http.GetAsync("domains/nowhere.example");

        Assert.Equal("Federated", found.Json.GetProperty("authenticationType").GetString());
        Assert.EndsWith("$metadata#domains/$entity", found.Json.GetProperty("@odata.context").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task The_registration_report_lists_enabled_users_only_in_Graphs_shape()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("reports/authenticationMethods/userRegistrationDetails");

        var rows = result.Values;
        Assert.Equal(Contoso.UserCount - 1, rows.Length);
        Assert.DoesNotContain(rows, r => r.GetProperty("id").GetString() == Contoso.Judy);
        var leo = rows.Single(r => r.GetProperty("id").GetString() == Contoso.Leo);
        Assert.False(leo.GetProperty("isMfaRegistered").GetBoolean());
        Assert.False(leo.GetProperty("isSsprRegistered").GetBoolean());
        Assert.True(leo.GetProperty("isSsprEnabled").GetBoolean());
        Assert.Equal(0, leo.GetProperty("methodsRegistered").GetArrayLength());
        Assert.Equal("member", leo.GetProperty("userType").GetString());
        var mia = rows.Single(r => r.GetProperty("id").GetString() == Contoso.Mia);
        Assert.True(mia.GetProperty("isAdmin").GetBoolean());
        var kim = rows.Single(r => r.GetProperty("id").GetString() == Contoso.Kim);
        Assert.Equal("guest", kim.GetProperty("userType").GetString());
    }

    [Theory]
    [InlineData("userPrincipalName eq 'leo.unregistered@contoso.com'", new[] { Contoso.Leo })]
    [InlineData("id eq '" + Contoso.Mia + "'", new[] { Contoso.Mia })]
    [InlineData("id eq '" + Contoso.Judy + "'", new string[0])]
    [InlineData("isAdmin eq true", new[] { Contoso.Mia, Contoso.Quinn })]
    [InlineData("methodsRegistered eq 'fido2'", new[] { Contoso.Quinn })]
    [InlineData("startsWith(userPrincipalName,'paul')", new[] { Contoso.Paul })]
    public async Task The_registration_report_filters(string filter, string[] expected)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync("reports/authenticationMethods/userRegistrationDetails?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(expected.Order(), result.Values.Select(v => v.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task The_registration_report_refuses_in_which_Graph_does_not_document_for_it()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync($"reports/authenticationMethods/userRegistrationDetails?$filter=id in ('{Contoso.Alice}')");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Request_UnsupportedQuery", result.ErrorCode);
    }

    [Fact]
    public async Task The_registration_report_pages_and_one_row_is_readable_by_id()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var first = await http.GetAsync("reports/authenticationMethods/userRegistrationDetails?$top=10");
        var second = await http.GetAsync(first.NextLink!);
        var one = await http.GetAsync($"reports/authenticationMethods/userRegistrationDetails/{Contoso.Quinn}");
        var disabled = await http.GetAsync($"reports/authenticationMethods/userRegistrationDetails/{Contoso.Judy}");

        Assert.Equal(10, first.Values.Length);
        Assert.Equal(Contoso.UserCount - 1 - 10, second.Values.Length);
        Assert.Null(second.NextLink);
        Assert.True(one.Json.GetProperty("isPasswordlessCapable").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, disabled.Status);
    }

    [Theory]
    [InlineData("reports/authenticationMethods/userRegistrationDetails")]
    [InlineData("auditLogs/signIns")]
    public async Task Reports_in_a_tenant_without_premium_are_403_with_Graphs_licence_error(string url)
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { TenantHasPremium = false });
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", result.ErrorCode);
        Assert.Equal("Neither tenant is B2C or tenant doesn't have premium license", result.ErrorMessage);
    }

    [Fact]
    public async Task Reports_without_AuditLog_permission_or_a_reader_role_are_403_naming_why()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { GrantedPermissions = new[] { GraphPermissions.UserReadAll } });
        using var http = new GraphHttp(emulator);

        var noPermission = await http.GetAsync("auditLogs/signIns");
        emulator.Options.GrantedPermissions = new[] { GraphPermissions.AuditLogReadAll };
        emulator.Options.CallerRoles = new[] { DirectoryRoles.UserAdministrator };
        var noRole = await http.GetAsync("auditLogs/signIns");
        emulator.Options.AppOnly = true;
        var appOnly = await http.GetAsync("auditLogs/signIns");

        Assert.Equal("Authentication_MSGraphPermissionMissing", noPermission.ErrorCode);
        Assert.Contains("AuditLog.Read.All", noPermission.ErrorMessage);
        Assert.Equal("Authentication_RequestFromUnsupportedUserRole", noRole.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, appOnly.Status);
    }

    [Fact]
    public async Task Authentication_methods_follow_the_registration_with_Graph_types()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var quinn = await http.GetAsync($"users/{Contoso.Quinn}/authentication/methods");
        var leo = await http.GetAsync($"users/{Contoso.Leo}/authentication/methods");
        var kim = await http.GetAsync($"users/{Contoso.Kim}/authentication/methods");

        var types = quinn.Values.Select(m => m.GetProperty("@odata.type").GetString()).ToArray();
        Assert.Equal(new[]
        {
            "#microsoft.graph.passwordAuthenticationMethod", "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
            "#microsoft.graph.fido2AuthenticationMethod", "#microsoft.graph.phoneAuthenticationMethod",
        }, types);
        Assert.Equal("28c10230-6103-485e-b985-444c60001490", quinn.Values[0].GetProperty("id").GetString());
        Assert.Single(leo.Values);
        Assert.Empty(kim.Values);
    }

    [Fact]
    public async Task Authentication_methods_need_their_permission()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { GrantedPermissions = new[] { GraphPermissions.UserReadAll } });
        using var http = new GraphHttp(emulator);

        var result = await http.GetAsync($"users/{Contoso.Quinn}/authentication/methods");

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
    }

    [Fact]
    public async Task Select_works_on_domains_and_the_report()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var domains = await http.GetAsync("domains?$select=id,passwordValidityPeriodInDays");
        var report = await http.GetAsync("reports/authenticationMethods/userRegistrationDetails?$select=id,isMfaRegistered&$top=1");

        Assert.All(domains.Values, d => Assert.True(d.EnumerateObject().Count() <= 2));
        Assert.Equal(new[] { "id", "isMfaRegistered" }, report.Values[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, report.Values[0].GetProperty("id").ValueKind);
    }
}
