using AadstsTools.Connection;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.SignIns;

namespace AadstsTools.Engine.Tests.Graph;

using AadstsTools.GraphEmulator;
using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.State;

/// <summary>The production gateway against the Graph emulator: real HTTP, real Graph SDK, real shapes.</summary>
public class GatewayEmulatorTests
{
    [Fact]
    public async Task Reads_one_user_with_the_selected_properties()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();

        DirectoryUser user = await harness.Gateway.GetUserAsync(Key("grace.synced@contoso.com"), default);

        Assert.Equal("grace.synced@contoso.com", user.UserPrincipalName);
        Assert.True(user.AccountEnabled);
        Assert.True(user.OnPremisesSyncEnabled);
        Assert.NotNull(user.OnPremisesLastSyncDateTime);
        Assert.True(user.PasswordNeverExpires);
        Assert.NotNull(user.LastPasswordChangeDateTime);
        Assert.Contains(harness.Emulator.Requests, r => r.Path.StartsWith("/users/", StringComparison.Ordinal) && r.Query.Contains("select", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_missing_user_is_not_found_with_graphs_request_id()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();

        var ex = await Assert.ThrowsAsync<GraphException>(() => harness.Gateway.GetUserAsync(Key("nobody@contoso.com"), default));

        Assert.Equal(GraphFailureKind.NotFound, ex.Failure.Kind);
        Assert.Equal("Request_ResourceNotFound", ex.Failure.GraphCode);
        Assert.NotNull(ex.Failure.RequestId);
    }

    [Fact]
    public async Task Many_users_come_back_through_batched_in_filters()
    {
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.Generate(1000, seed: 7));
        var keys = harness.Emulator.Tenant.Users.Take(400).Select(u => Key(u.UserPrincipalName)).ToList();
        keys.AddRange(harness.Emulator.Tenant.Users.Skip(400).Take(100).Select(u => Key(u.Id)));
        keys.Add(Key("ghost@contoso.com"));

        var results = await harness.Gateway.GetUsersAsync(keys, default);

        Assert.Equal(501, results.Count);
        Assert.Equal(500, results.Values.Count(r => r.Succeeded));
        Assert.Equal(GraphFailureKind.NotFound, results[Key("ghost@contoso.com")].Failure!.Kind);
        int httpCalls = harness.Emulator.Requests.Count(r => !r.InBatch);
        Assert.True(httpCalls <= 4, $"{httpCalls} HTTP calls for 501 users");
        Assert.Equal(34, harness.Emulator.Requests.Count(r => r.InBatch && r.Path == "/users"));
    }

    [Fact]
    public async Task Domains_registration_and_methods()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();

        var domains = await harness.Gateway.GetDomainsAsync(default);
        Assert.Contains(domains, d => d.Id == "fabrikam.com" && d.IsFederated);
        Assert.Contains(domains, d => d.Id == "contoso.com" && d.PasswordValidityPeriodInDays == 90 && d.PasswordNotificationWindowInDays == 14);
        Assert.Contains(domains, d => d.Id == "contoso.onmicrosoft.com" && d.PasswordValidityPeriodInDays == null);

        string leo = harness.Emulator.Tenant.GetUser("leo.unregistered@contoso.com").Id;
        RegistrationDetails? row = await harness.Gateway.GetRegistrationDetailsAsync(leo, default);
        Assert.NotNull(row);
        Assert.True(row!.IsSsprEnabled);
        Assert.False(row.IsMfaRegistered);

        var all = new List<RegistrationDetails>();
        await foreach (var item in harness.Gateway.ListRegistrationDetailsAsync(default))
        {
            all.Add(item);
        }

        Assert.Equal(harness.Emulator.Tenant.RegistrationDetails.Count, all.Count);

        string quinn = harness.Emulator.Tenant.GetUser("quinn.globaladmin@contoso.com").Id;
        var methods = await harness.Gateway.GetAuthenticationMethodsAsync(quinn, default);
        Assert.Contains(methods, m => m.Kind == "passwordAuthenticationMethod");
        Assert.Contains(methods, m => m.IsStrongMethod);
    }

    [Fact]
    public async Task The_whole_registration_report_is_paged()
    {
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.Generate(450, seed: 3));

        int count = 0;
        await foreach (var _ in harness.Gateway.ListRegistrationDetailsAsync(default))
        {
            count++;
        }

        Assert.Equal(harness.Emulator.Tenant.RegistrationDetails.Count, count);
        Assert.True(harness.Emulator.Requests.Count(r => r.Path.StartsWith("/reports", StringComparison.Ordinal)) >= 2, "more than one page");
    }

    [Fact]
    public async Task Sign_ins_are_filtered_and_paged()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        string nick = harness.Emulator.Tenant.GetUser("nick.locked@contoso.com").Id;

        var events = new List<SignInEvent>();
        await foreach (var item in harness.Gateway.GetSignInsAsync(new SignInQuery(DateTimeOffset.UtcNow.AddDays(-7)) { UserId = nick, PageSize = 2 }, default))
        {
            events.Add(item);
        }

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(nick, e.UserId));
        Assert.Contains(events, e => e.ErrorCode == 50053);
        Assert.Equal(events.OrderByDescending(e => e.TimeUtc).Select(e => e.TimeUtc), events.Select(e => e.TimeUtc));
        Assert.True(harness.Emulator.Requests.Count(r => r.Path == "/auditLogs/signIns") > 1, "paged");

        var lockouts = new List<SignInEvent>();
        await foreach (var item in harness.Gateway.GetSignInsAsync(new SignInQuery(DateTimeOffset.UtcNow.AddDays(-7)) { ErrorCode = 50053 }, default))
        {
            lockouts.Add(item);
        }

        Assert.NotEmpty(lockouts);
        Assert.All(lockouts, e => Assert.Equal(50053, e.ErrorCode));
    }

    [Fact]
    public async Task A_password_reset_is_recorded_with_its_flags()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var alice = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com");

        var results = await harness.Gateway.ResetPasswordsAsync(new[] { new PasswordWrite(alice.Id, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, true) }, default);

        Assert.True(Assert.Single(results).Succeeded);
        var reset = Assert.Single(alice.PasswordResets);
        Assert.Equal("Tq7#vLw2!pZx9&Rk", reset.Password);
        Assert.True(reset.ForceChangePasswordNextSignIn);
        Assert.True(reset.ForceChangePasswordNextSignInWithMfa);
        Assert.True(alice.ForceChangePasswordNextSignIn);
    }

    [Fact]
    public async Task A_batch_with_mixed_results_maps_each_one()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var tenant = harness.Emulator.Tenant;
        var writes = new[]
        {
            new PasswordWrite(tenant.GetUser("alice.ready@contoso.com").Id, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false),
            new PasswordWrite(tenant.GetUser("carol.expiring@contoso.com").Id, "short".ToCharArray(), true, false),
            new PasswordWrite(tenant.GetUser("ivan.federated@fabrikam.com").Id, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false),
            new PasswordWrite("00000000-0000-0000-0000-00000000dead", "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false),
        };
        harness.Emulator.Options.CallerRoles = new[] { "User Administrator" };
        var withAdmin = writes.Append(new PasswordWrite(tenant.GetUser("mia.admin@contoso.com").Id, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false)).ToArray();

        var results = (await harness.Gateway.ResetPasswordsAsync(withAdmin, default)).ToDictionary(r => r.UserId);

        Assert.True(results[writes[0].UserId].Succeeded);
        Assert.Equal(GraphFailureKind.InvalidRequest, results[writes[1].UserId].Failure!.Kind);
        Assert.Contains("complexity", results[writes[1].UserId].Failure!.Message);
        Assert.Equal(GraphFailureKind.InvalidRequest, results[writes[2].UserId].Failure!.Kind);
        Assert.Equal(GraphFailureKind.NotFound, results[writes[3].UserId].Failure!.Kind);
        GraphFailure denied = results[withAdmin[4].UserId].Failure!;
        Assert.Equal(GraphFailureKind.PermissionMissing, denied.Kind);
        Assert.Contains("Privileged Authentication Administrator", denied.Message);
        Assert.Equal(1, harness.Emulator.Requests.Count(r => !r.InBatch));
    }

    [Fact]
    public async Task Throttled_sub_requests_are_retried_after_their_retry_after()
    {
        var options = new EmulatorOptions { Throttle = new ThrottleLimit(8, TimeSpan.FromSeconds(1)), RetryAfterSeconds = 0.25 };
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.Generate(60, seed: 5), options, realWaits: true, maxRetries: 20);
        var writes = Resettable(harness.Emulator.Tenant).Take(40).Select(u => new PasswordWrite(u.Id, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false)).ToList();

        var started = DateTimeOffset.UtcNow;
        var results = await harness.Gateway.ResetPasswordsAsync(writes, default);
        TimeSpan took = DateTimeOffset.UtcNow - started;

        Assert.Equal(40, results.Count(r => r.Succeeded));
        Assert.All(Resettable(harness.Emulator.Tenant).Take(40), u => Assert.Single(u.PasswordResets));
        Assert.Contains(harness.Emulator.Requests, r => r.InBatch && r.Status == 429);
        Assert.True(took >= TimeSpan.FromMilliseconds(250));

        // Each throttled sub-request was sent again no sooner than its Retry-After.
        foreach (var attempts in harness.Emulator.Requests.Where(r => r.InBatch && r.Method == "PATCH").GroupBy(r => r.Path))
        {
            var ordered = attempts.OrderBy(r => r.At).ToList();
            for (int i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].Status == 429)
                {
                    TimeSpan gap = ordered[i].At - ordered[i - 1].At;
                    Assert.True(gap >= TimeSpan.FromMilliseconds(240), $"{attempts.Key}: resent after {gap.TotalMilliseconds} ms, Retry-After was 250 ms");
                }
            }
        }
    }

    [Fact]
    public async Task A_decimal_retry_after_on_a_throttled_call_is_honoured()
    {
        var options = new EmulatorOptions();
        await using var harness = await EmulatorHarness.StartFixtureAsync(options);
        options.AddFaultRule(new FaultRule(r => r.Path == "/domains", 429, times: 1) { RetryAfterSeconds = 1.128 });

        var domains = await harness.Gateway.GetDomainsAsync(default);

        Assert.NotEmpty(domains);
        Assert.Equal(1128, Assert.Single(harness.Waits).TotalMilliseconds, precision: 0);
    }

    [Fact]
    public async Task Service_errors_and_dropped_connections_are_retried()
    {
        var options = new EmulatorOptions { TransientFailureRate = 0.2, DroppedConnectionRate = 0.05, RandomSeed = 11, TransientRetryAfterSeconds = 0.01 };

        // Random faults, plus two dropped $batch calls for certain.
        options.AddFaultRule(new FaultRule(r => r.Path == "/$batch" && !r.InBatch, times: 2) { DropConnection = true });
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.Generate(200, seed: 9), options, maxRetries: 30);
        var keys = harness.Emulator.Tenant.Users.Select(u => Key(u.Id)).ToList();

        var users = await harness.Gateway.GetUsersAsync(keys, default);
        var writes = Resettable(harness.Emulator.Tenant).Select(u => new PasswordWrite(u.Id, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false)).ToList();
        var resets = await harness.Gateway.ResetPasswordsAsync(writes, default);

        Assert.All(users.Values, r => Assert.True(r.Succeeded, r.Failure?.ToString()));
        Assert.All(resets, r => Assert.True(r.Succeeded, r.Failure?.ToString()));
        Assert.Contains(harness.Emulator.Requests, r => r.Status == 503 || r.Status == 504);
        Assert.Contains(harness.Emulator.Requests, r => r.Status == 0);
        Assert.All(Resettable(harness.Emulator.Tenant), u => Assert.InRange(u.PasswordResets.Count, 1, 3));
    }

    [Fact]
    public async Task Forbidden_is_mapped_to_the_permission_it_needs()
    {
        var options = new EmulatorOptions { GrantedPermissions = new[] { "User.Read.All" } };
        await using var harness = await EmulatorHarness.StartFixtureAsync(options);
        string alice = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com").Id;

        var results = await harness.Gateway.ResetPasswordsAsync(new[] { new PasswordWrite(alice, "Tq7#vLw2!pZx9&Rk".ToCharArray(), true, false) }, default);
        var signIns = await Assert.ThrowsAsync<GraphException>(async () =>
        {
            await foreach (var _ in harness.Gateway.GetSignInsAsync(new SignInQuery(DateTimeOffset.UtcNow.AddDays(-1)), default))
            {
            }
        });

        GraphFailure reset = Assert.Single(results).Failure!;
        Assert.Equal(GraphFailureKind.PermissionMissing, reset.Kind);
        Assert.Equal("User-PasswordProfile.ReadWrite.All", reset.RequiredPermission);
        Assert.Equal(GraphFailureKind.PermissionMissing, signIns.Failure.Kind);
        Assert.Contains("AuditLog.Read.All", signIns.Failure.Message);
    }

    [Fact]
    public async Task A_tenant_without_p1_is_a_licence_failure()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync(new EmulatorOptions { TenantHasPremium = false });
        string alice = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com").Id;

        var ex = await Assert.ThrowsAsync<GraphException>(() => harness.Gateway.GetRegistrationDetailsAsync(alice, default));

        Assert.Equal(GraphFailureKind.LicenseMissing, ex.Failure.Kind);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", ex.Failure.GraphCode);
    }

    [Fact]
    public async Task Sessions_are_revoked()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync();
        var alice = harness.Emulator.Tenant.GetUser("alice.ready@contoso.com");

        var results = await harness.Gateway.RevokeSessionsAsync(new[] { alice.Id }, default);

        Assert.Null(results[alice.Id]);
        Assert.Single(alice.SessionRevocations);
    }

    [Fact]
    public async Task Cancellation_stops_calls_in_flight()
    {
        await using var harness = await EmulatorHarness.StartFixtureAsync(new EmulatorOptions { Latency = TimeSpan.FromSeconds(20) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTimeOffset.UtcNow;

        await Assert.ThrowsAnyAsync<Exception>(() => harness.Gateway.GetDomainsAsync(cancel.Token));

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10), "cancellation did not stop the call");
    }

    [Fact]
    public async Task Token_permissions_are_known_to_the_connection()
    {
        string token = TokenClaims.CreateUnsigned(new Dictionary<string, object> { ["tid"] = "t", ["upn"] = "admin@contoso.com", ["scp"] = "User.Read.All Domain.Read.All" });
        await using var harness = await EmulatorHarness.StartAsync(EmulatorTenant.LoadFixture(EmulatorHarness.FixturePath), token: token);

        Assert.Equal("admin@contoso.com", harness.Connection.Context.Account);
        Assert.False(harness.Connection.Context.IsAppOnly);
        Assert.Null(harness.Connection.PermissionGap(GraphOperation.ReadUsers));
        GraphFailure gap = harness.Connection.PermissionGap(GraphOperation.ResetPassword)!;
        Assert.Equal("User-PasswordProfile.ReadWrite.All", gap.RequiredPermission);
        Assert.DoesNotContain(token, harness.Connection.Context.ToString());
    }

    /// <summary>Generated users whose password the emulator lets a User Administrator reset (managed domain, no admin role, member).</summary>
    internal static IEnumerable<EmulatorUser> Resettable(EmulatorTenant tenant) =>
        tenant.Users.Where(u => !u.IsAdmin && !u.IsGuest && tenant.DomainOf(u)?.AuthenticationType != "Federated");

    private static UserKey Key(string text)
    {
        Assert.True(UserKey.TryParse(text, out UserKey? key, out _));
        return key!;
    }
}
