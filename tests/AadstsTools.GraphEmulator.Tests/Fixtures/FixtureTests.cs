using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Fixtures;

/// <summary>The fixture format, the contoso fixture's cases, and the generated tenant.</summary>
public class FixtureTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Contoso_has_every_readiness_case_with_times_relative_to_load()
    {
        var tenant = EmulatorTenant.LoadFixture(Contoso.FixturePath, Now);

        Assert.Equal(Contoso.UserCount, tenant.Users.Count);
        Assert.Equal(Now.AddDays(-95), tenant.GetUser(Contoso.Bob).LastPasswordChangeDateTime);
        Assert.Equal(Now.AddDays(-82), tenant.GetUser(Contoso.Carol).LastPasswordChangeDateTime);
        Assert.Equal("DisablePasswordExpiration", tenant.GetUser("dan.neverexpires@contoso.com").PasswordPolicies);
        Assert.Equal(2147483647, tenant.DomainOf(tenant.GetUser("erin.lab@lab.contoso.net"))!.PasswordValidityPeriodInDays);
        Assert.Equal("eu.contoso.com", tenant.DomainOf(tenant.GetUser(Contoso.Frank))!.Id);
        Assert.False(tenant.FindDomain("eu.contoso.com")!.IsRoot);
        Assert.Equal(Now.AddMinutes(-25), tenant.GetUser(Contoso.Grace).OnPremisesLastSyncDateTime);
        Assert.Equal(Now.AddDays(-5), tenant.GetUser("henry.stalesync@contoso.com").OnPremisesLastSyncDateTime);
        Assert.True(tenant.DomainOf(tenant.GetUser(Contoso.Ivan))!.IsFederated);
        Assert.False(tenant.GetUser(Contoso.Judy).AccountEnabled);
        Assert.True(tenant.GetUser(Contoso.Kim).IsGuest);
        Assert.False(tenant.GetUser(Contoso.Leo).Registration.IsMfaRegistered);
        Assert.True(tenant.GetUser(Contoso.Mia).IsAdmin);
        Assert.True(tenant.GetUser(Contoso.Paul).ForceChangePasswordNextSignIn);
        Assert.Null(tenant.FindDomain("contoso.onmicrosoft.com")!.PasswordValidityPeriodInDays);

        var nick = tenant.SignIns.Where(s => s.UserId == Contoso.Nick).ToArray();
        Assert.Equal(3, nick.Count(s => s.ErrorCode == 50053));
        Assert.Equal(10, nick.Count(s => s.ErrorCode == 50126));
        Assert.Equal(12, tenant.SignIns.Count(s => s.UserId == Contoso.Olivia && s.ErrorCode == 50126));
        Assert.Equal(new[] { 50132, 50133, 50173 }, tenant.SignIns.Where(s => s.UserId == Contoso.Paul && s.ErrorCode != 0).Select(s => s.ErrorCode).Order());
        Assert.Contains(tenant.SignIns, s => s.ErrorCode == 0);
        Assert.All(tenant.SignIns, s => Assert.Equal(s.UserPrincipalName.ToLowerInvariant(), s.UserPrincipalName));
    }

    [Fact]
    public void Loading_twice_gives_the_same_ids()
    {
        var first = EmulatorTenant.LoadFixture(Contoso.FixturePath, Now);
        var second = EmulatorTenant.LoadFixture(Contoso.FixturePath, Now);

        Assert.Equal(first.SignIns.Select(s => s.Id), second.SignIns.Select(s => s.Id));
        Assert.Equal(first.SignIns.Count, first.SignIns.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("{\"users\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"userPrincipalName\":\"a@b.c\",\"colour\":\"red\"}]}", "colour")]
    [InlineData("{\"users\":[{\"id\":\"not-a-guid\",\"userPrincipalName\":\"a@b.c\"}]}", "users[0].id")]
    [InlineData("{\"users\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"userPrincipalName\":\"nodomain\"}]}", "users[0].userPrincipalName")]
    [InlineData("{\"users\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"userPrincipalName\":\"a@b.c\",\"lastPasswordChangeDateTime\":\"last week\"}]}", "users[0].lastPasswordChangeDateTime")]
    [InlineData("{\"users\":[{\"userPrincipalName\":\"a@b.c\"}]}", "users[0].id is missing")]
    [InlineData("{\"signIns\":[{\"user\":\"ghost@b.c\",\"createdDateTime\":\"now\"}]}", "signIns[0].user")]
    [InlineData("{\"signIns\":[{\"user\":\"a@b.c\",\"createdDateTime\":\"now\",\"interval\":\"often\"}],\"users\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"userPrincipalName\":\"a@b.c\"}]}", "signIns[0].interval")]
    [InlineData("{\"domains\":[{\"id\":\"b.c\",\"authenticationType\":\"Magic\"}]}", "domains[0].authenticationType")]
    [InlineData("{\"users\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"userPrincipalName\":\"a@b.c\"},{\"id\":\"11111111-1111-4111-8111-111111111111\",\"userPrincipalName\":\"z@b.c\"}]}", "Two users have the id")]
    public void Bad_fixtures_are_refused_naming_the_value(string json, string named)
    {
        var error = Assert.Throws<InvalidDataException>(() => EmulatorTenant.FromFixtureJson(json, Now));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_missing_fixture_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => EmulatorTenant.LoadFixture("/no/such/fixture.json"));

        Assert.Contains("/no/such/fixture.json", error.Message);
    }

    [Fact]
    public void A_generated_tenant_is_the_same_for_the_same_seed_and_mixes_every_case()
    {
        var first = EmulatorTenant.Generate(10_000, seed: 3, Now);
        var again = EmulatorTenant.Generate(10_000, seed: 3, Now);
        var other = EmulatorTenant.Generate(100, seed: 4, Now);

        Assert.Equal(first.Users.Select(u => (u.Id, u.UserPrincipalName, u.LastPasswordChangeDateTime)), again.Users.Select(u => (u.Id, u.UserPrincipalName, u.LastPasswordChangeDateTime)));
        Assert.NotEqual(first.Users[0].Id, other.Users[0].Id);
        Assert.Equal(10_000, first.Users.Select(u => u.UserPrincipalName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(30_000, first.SignIns.Count);

        Assert.InRange(first.Users.Count(u => !u.AccountEnabled), 100, 300);
        Assert.InRange(first.Users.Count(u => u.IsGuest), 200, 400);
        Assert.InRange(first.Users.Count(u => first.DomainOf(u)?.IsFederated == true), 100, 300);
        Assert.InRange(first.Users.Count(u => u.IsAdmin), 50, 150);
        Assert.InRange(first.Users.Count(u => u.OnPremisesSyncEnabled == true), 1500, 2600);
        Assert.InRange(first.Users.Count(u => !u.Registration.IsMfaRegistered), 1500, 2800);
        Assert.Contains(first.Users, u => u.PasswordPolicies == "None" && u.LastPasswordChangeDateTime < Now.AddDays(-90));
        Assert.Contains(first.Users, u => u.PasswordPolicies == "None" && u.LastPasswordChangeDateTime < Now.AddDays(-76) && u.LastPasswordChangeDateTime > Now.AddDays(-90));
        Assert.Contains(first.SignIns, s => s.ErrorCode == 50053);
        Assert.All(first.SignIns, s => Assert.InRange(s.CreatedDateTime, Now.AddDays(-7), Now));
    }
}
