using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AadstsTools.GraphEmulator.Tests.Sdk;

/// <summary>The real Graph SDK (5.92) reads what the emulator serves without any change.</summary>
public class SdkReadTests
{
    [Fact]
    public async Task Get_a_user_with_select()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var user = await client.Users[Contoso.Grace].GetAsync(r => r.QueryParameters.Select =
            new[] { "id", "userPrincipalName", "accountEnabled", "passwordPolicies", "lastPasswordChangeDateTime", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime", "assignedLicenses" });

        Assert.NotNull(user);
        Assert.Equal(Contoso.Grace, user.Id);
        Assert.True(user.AccountEnabled);
        Assert.Equal("DisablePasswordExpiration", user.PasswordPolicies);
        Assert.True(user.OnPremisesSyncEnabled);
        Assert.NotNull(user.LastPasswordChangeDateTime);
        Assert.NotNull(user.OnPremisesLastSyncDateTime);
        Assert.Empty(user.AssignedLicenses!);
        Assert.Contains("$select=", Assert.Single(emulator.Requests).Query);
    }

    [Fact]
    public async Task List_users_by_id_in_with_paging_through_PageIterator()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);
        var ids = emulator.Tenant.Users.Take(15).Select(u => u.Id).ToArray();

        var first = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"id in ({string.Join(",", ids.Select(id => $"'{id}'"))})";
            r.QueryParameters.Select = new[] { "id", "accountEnabled", "userType" };
            r.QueryParameters.Top = 4;
        });
        var seen = new List<User>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, user =>
        {
            seen.Add(user);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(ids.Order(), seen.Select(u => u.Id!).Order());
        Assert.Equal(4, emulator.Requests.Count);
        Assert.All(seen, u => Assert.NotNull(u.AccountEnabled));
    }

    [Fact]
    public async Task An_advanced_query_with_count()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var result = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = "endsWith(userPrincipalName,'@contoso.com')";
            r.QueryParameters.Count = true;
            r.QueryParameters.Select = new[] { "id" };
            r.Headers.Add("ConsistencyLevel", "eventual");
        });

        Assert.Equal(emulator.Tenant.Users.Count(u => u.UserPrincipalName.EndsWith("@contoso.com", StringComparison.Ordinal)), result!.OdataCount);
    }

    [Fact]
    public async Task Domains_with_their_password_policy()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var domains = await client.Domains.GetAsync();
        var lab = await client.Domains["lab.contoso.net"].GetAsync();

        var contoso = domains!.Value!.Single(d => d.Id == "contoso.com");
        Assert.Equal(90, contoso.PasswordValidityPeriodInDays);
        Assert.Equal(14, contoso.PasswordNotificationWindowInDays);
        Assert.Null(domains.Value!.Single(d => d.Id == "eu.contoso.com").PasswordValidityPeriodInDays);
        Assert.Equal(int.MaxValue, lab!.PasswordValidityPeriodInDays);
        Assert.Equal("Federated", domains.Value!.Single(d => d.Id == "fabrikam.com").AuthenticationType);
    }

    [Fact]
    public async Task User_registration_details_filtered_and_one_by_id()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var rows = await client.Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(r =>
            r.QueryParameters.Filter = "userPrincipalName eq 'quinn.globaladmin@contoso.com'");
        var leo = await client.Reports.AuthenticationMethods.UserRegistrationDetails[Contoso.Leo].GetAsync();

        var quinn = Assert.Single(rows!.Value!);
        Assert.True(quinn.IsAdmin);
        Assert.True(quinn.IsMfaRegistered);
        Assert.Equal(new[] { "microsoftAuthenticatorPush", "fido2", "mobilePhone" }, quinn.MethodsRegistered);
        Assert.Equal(SignInUserType.Member, quinn.UserType);
        Assert.Equal(UserDefaultAuthenticationMethod.Push, quinn.UserPreferredMethodForSecondaryAuthentication);
        Assert.False(leo!.IsSsprRegistered);
        Assert.False(leo.IsMfaCapable);
    }

    [Fact]
    public async Task Sign_ins_filtered_by_user_and_time()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);
        var since = DateTimeOffset.UtcNow.AddHours(-2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");

        var page = await client.AuditLogs.SignIns.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"userId eq '{Contoso.Paul}' and createdDateTime ge {since}";
            r.QueryParameters.Top = 1000;
        });

        var events = page!.Value!;
        Assert.Equal(new[] { 50173, 50133, 50132 }, events.Select(e => e.Status!.ErrorCode!.Value));
        Assert.All(events, e => Assert.Equal("paul.justreset@contoso.com", e.UserPrincipalName));
        Assert.Equal("Seattle", events[0].Location!.City);
        Assert.Equal(ConditionalAccessStatus.NotApplied, events[0].ConditionalAccessStatus);
        Assert.NotNull(events[0].CreatedDateTime);
    }

    [Fact]
    public async Task Authentication_methods_deserialize_to_their_types()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var methods = await client.Users[Contoso.Quinn].Authentication.Methods.GetAsync();

        Assert.Collection(methods!.Value!,
            m => Assert.IsType<PasswordAuthenticationMethod>(m),
            m => Assert.IsType<MicrosoftAuthenticatorAuthenticationMethod>(m),
            m => Assert.IsType<Fido2AuthenticationMethod>(m),
            m => Assert.Equal(AuthenticationPhoneType.Mobile, Assert.IsType<PhoneAuthenticationMethod>(m).PhoneType));
    }

    [Fact]
    public async Task Graph_errors_become_ODataError_with_code_message_and_request_id()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { TenantHasPremium = false });
        var client = SdkClients.Create(emulator);

        var notFound = await Assert.ThrowsAsync<ODataError>(() => client.Users["ghost@contoso.com"].GetAsync());
        var licence = await Assert.ThrowsAsync<ODataError>(() => client.AuditLogs.SignIns.GetAsync());

        Assert.Equal(404, notFound.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", notFound.Error!.Code);
        Assert.StartsWith("Resource 'ghost@contoso.com' does not exist", notFound.Error.Message);
        Assert.False(string.IsNullOrEmpty(notFound.Error.InnerError!.RequestId));
        Assert.NotNull(notFound.Error.InnerError.Date);
        Assert.Equal(403, licence.ResponseStatusCode);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", licence.Error!.Code);
    }

    [Fact]
    public async Task The_SDKs_retry_handler_waits_out_a_429_and_succeeds()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { Throttle = new ThrottleLimit(1, TimeSpan.FromSeconds(1)) });
        var client = SdkClients.Create(emulator);

        await client.Domains.GetAsync();
        var domains = await client.Domains.GetAsync();

        Assert.NotEmpty(domains!.Value!);
        Assert.Equal(new[] { 200, 429, 200 }, emulator.Requests.Select(r => r.Status));
    }
}
