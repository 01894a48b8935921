using AadstsTools.Catalog;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.Readiness;
using AadstsTools.Readiness.Checks;
using AadstsTools.SignIns;

namespace AadstsTools.Engine.Tests.Readiness;

/// <summary>Each check on hand-made evidence.</summary>
public class ReadinessRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<DirectoryDomain> Domains = new[]
    {
        new DirectoryDomain("contoso.com") { IsRoot = true, IsVerified = true, AuthenticationType = "Managed", PasswordValidityPeriodInDays = 90, PasswordNotificationWindowInDays = 14 },
        new DirectoryDomain("eu.contoso.com") { IsRoot = false, IsVerified = true, AuthenticationType = "Managed" },
        new DirectoryDomain("fabrikam.com") { IsRoot = true, IsVerified = true, AuthenticationType = "Federated" },
        new DirectoryDomain("forever.example") { IsRoot = true, IsVerified = true, AuthenticationType = "Managed", PasswordValidityPeriodInDays = int.MaxValue },
        new DirectoryDomain("unset.example") { IsRoot = true, IsVerified = true, AuthenticationType = "Managed" },
    };

    [Fact]
    public void Expired_password_fails_with_50055_and_the_reset_command()
    {
        var result = Expiry(User("alice@contoso.com", lastChange: Now.AddDays(-100)));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(new[] { 50055 }, result.Codes);
        Assert.Contains("2026-11-11", result.Detail);
        Assert.Equal("Reset-AadUserPassword -UserId alice@contoso.com", result.RemedyCommand);
    }

    [Fact]
    public void Password_inside_the_notification_window_warns_with_the_date()
    {
        var result = Expiry(User("bob@contoso.com", lastChange: Now.AddDays(-80)));

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Contains("2026-12-01", result.Detail);
        Assert.Contains("in 10 day(s)", result.Detail);
        Assert.Equal(new[] { 50055 }, result.Codes);
    }

    [Fact]
    public void Fresh_password_passes_with_its_expiry_date()
    {
        var result = Expiry(User("carol@contoso.com", lastChange: Now.AddDays(-10)));
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("Expires on 2027-02-09", result.Detail);
    }

    [Fact]
    public void Subdomains_use_their_root_domains_policy()
    {
        var result = Expiry(User("dan@eu.contoso.com", lastChange: Now.AddDays(-100)));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("'contoso.com'", result.Detail);
    }

    [Fact]
    public void Never_expiring_user_passes_with_the_reason()
    {
        var result = Expiry(User("erin@contoso.com", lastChange: Now.AddDays(-400), policies: "DisablePasswordExpiration, DisableStrongPassword"));
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("DisablePasswordExpiration", result.Detail);
    }

    [Fact]
    public void Never_expiring_domain_passes()
    {
        var result = Expiry(User("frank@forever.example", lastChange: Now.AddDays(-400)));
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("never to expire", result.Detail);
    }

    [Fact]
    public void Unset_domain_policy_is_reported_as_ambiguous()
    {
        var old = Expiry(User("gina@unset.example", lastChange: Now.AddDays(-120)));
        Assert.Equal(CheckStatus.Warning, old.Status);
        Assert.Contains("returns no validity period", old.Detail);

        var recent = Expiry(User("hank@unset.example", lastChange: Now.AddDays(-5)));
        Assert.Equal(CheckStatus.Pass, recent.Status);
        Assert.Contains("returns no validity period", recent.Detail);
    }

    [Fact]
    public void Federated_users_expiry_is_decided_on_premises()
    {
        var result = Expiry(User("ivan@fabrikam.com", lastChange: Now.AddDays(-400)));
        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Contains("50144", result.Detail);
    }

    [Fact]
    public void Missing_domain_permission_skips_and_names_it()
    {
        var evidence = Evidence(User("alice@contoso.com", lastChange: Now.AddDays(-100)));
        evidence.Domains = Evidence<IReadOnlyList<DirectoryDomain>>.Failed(GraphErrorMapper.FromError(403, "Authorization_RequestDenied", null, "rid", null, null, GraphOperation.ReadDomains));

        var result = new PasswordExpiryRule().Evaluate(evidence);

        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Equal("Domain.Read.All", result.Requires);
    }

    [Fact]
    public void A_graph_failure_is_an_error_with_the_request_id()
    {
        var evidence = Evidence(User("alice@contoso.com", lastChange: Now.AddDays(-100)));
        evidence.Domains = Evidence<IReadOnlyList<DirectoryDomain>>.Failed(GraphErrorMapper.FromError(500, "InternalServerError", "boom", "rid-500", null, null, GraphOperation.ReadDomains));

        var result = new PasswordExpiryRule().Evaluate(evidence);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Equal("rid-500", result.RequestId);
        Assert.Contains("boom", result.Detail);
    }

    [Fact]
    public void Disabled_account_fails_with_50057()
    {
        var result = new EnabledRule().Evaluate(Evidence(User("a@contoso.com", enabled: false)));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(new[] { 50057 }, result.Codes);

        var synced = new EnabledRule().Evaluate(Evidence(User("b@contoso.com", enabled: false, synced: true)));
        Assert.Contains("Enable-ADAccount", synced.RemedyCommand);
    }

    [Fact]
    public void Missing_user_fails_with_50034_and_other_checks_skip()
    {
        var evidence = new UserEvidence("ghost@contoso.com", Now, Now.AddDays(-7))
        {
            UserFailure = GraphErrorMapper.FromError(404, "Request_ResourceNotFound", null, null, null, null, GraphOperation.ReadUsers, "ghost@contoso.com"),
        };

        var exists = new ExistsRule().Evaluate(evidence);
        Assert.Equal(CheckStatus.Fail, exists.Status);
        Assert.Equal(new[] { 50034 }, exists.Codes);
        Assert.Equal(CheckStatus.Skipped, new EnabledRule().Evaluate(evidence).Status);
    }

    [Fact]
    public void Malformed_input_is_an_error_of_its_own()
    {
        var evidence = new UserEvidence("not a upn", Now, Now.AddDays(-7)) { InputProblem = "'not a upn' is not a user principal name" };
        var result = new ExistsRule().Evaluate(evidence);
        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("not a upn", result.Detail);
    }

    [Fact]
    public void Guests_get_b2b_notes_and_password_checks_skip()
    {
        var guest = Evidence(User("partner_fabrikam.com#EXT#@contoso.com", userType: "Guest"));
        Assert.Contains("Guest (B2B)", new UserTypeRule().Evaluate(guest).Detail);
        Assert.Equal(CheckStatus.Skipped, new PasswordExpiryRule().Evaluate(guest).Status);
    }

    [Fact]
    public void Stale_sync_warns_recent_sync_passes()
    {
        var stale = new OnPremisesSyncRule().Evaluate(Evidence(User("s@contoso.com", synced: true, lastSync: Now.AddDays(-9))));
        Assert.Equal(CheckStatus.Warning, stale.Status);
        Assert.Contains("9 day(s) ago", stale.Detail);

        var fresh = new OnPremisesSyncRule().Evaluate(Evidence(User("t@contoso.com", synced: true, lastSync: Now.AddMinutes(-20))));
        Assert.Equal(CheckStatus.Pass, fresh.Status);
        Assert.Equal(CheckStatus.Pass, new OnPremisesSyncRule().Evaluate(Evidence(User("u@contoso.com"))).Status);
    }

    [Fact]
    public void Federated_domain_is_explained()
    {
        var result = new FederationRule().Evaluate(Evidence(User("ivan@fabrikam.com")));
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("federated", result.Detail);
        Assert.Contains("50144", result.Detail);
    }

    [Fact]
    public void Forced_change_pending_warns()
    {
        Assert.Equal(CheckStatus.Warning, new ForcedPasswordChangeRule().Evaluate(Evidence(User("f@contoso.com", forceChange: true))).Status);
        Assert.Equal(CheckStatus.Pass, new ForcedPasswordChangeRule().Evaluate(Evidence(User("g@contoso.com", forceChange: false))).Status);
        Assert.Equal(CheckStatus.Pass, new ForcedPasswordChangeRule().Evaluate(Evidence(User("h@contoso.com", forceChange: null))).Status);
    }

    [Fact]
    public void Unregistered_sspr_and_mfa_warn_with_their_interrupt_codes()
    {
        var evidence = Evidence(User("n@contoso.com"));
        evidence.Registration = Evidence<RegistrationDetails?>.Of(new RegistrationDetails("id-n") { IsSsprEnabled = true, IsSsprRegistered = false, IsMfaRegistered = false, IsAdmin = true });

        var sspr = new SsprRegistrationRule().Evaluate(evidence);
        Assert.Equal(CheckStatus.Warning, sspr.Status);
        Assert.Equal(new[] { 50125 }, sspr.Codes);
        Assert.Contains("two-method", sspr.Detail);

        var mfa = new MfaRegistrationRule().Evaluate(evidence);
        Assert.Equal(CheckStatus.Warning, mfa.Status);
        Assert.Equal(new[] { 50072, 50079 }, mfa.Codes);
    }

    [Fact]
    public void Registered_user_passes()
    {
        var evidence = Evidence(User("r@contoso.com"));
        evidence.Registration = Evidence<RegistrationDetails?>.Of(new RegistrationDetails("id-r") { IsSsprEnabled = true, IsSsprRegistered = true, IsSsprCapable = true, IsMfaRegistered = true, IsMfaCapable = true, MethodsRegistered = new[] { "microsoftAuthenticatorPush" } });

        Assert.Equal(CheckStatus.Pass, new SsprRegistrationRule().Evaluate(evidence).Status);
        Assert.Equal(CheckStatus.Pass, new MfaRegistrationRule().Evaluate(evidence).Status);
    }

    [Fact]
    public void No_premium_licence_skips_registration_checks_unless_methods_were_read()
    {
        var evidence = Evidence(User("p@contoso.com"));
        evidence.Registration = Evidence<RegistrationDetails?>.Failed(GraphErrorMapper.FromError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", null, null, null, null, GraphOperation.ReadRegistrationDetails));

        var skipped = new SsprRegistrationRule().Evaluate(evidence);
        Assert.Equal(CheckStatus.Skipped, skipped.Status);
        Assert.Contains("P1 or P2", skipped.Requires);

        evidence.Methods = Evidence<IReadOnlyList<AuthenticationMethodInfo>>.Of(new[] { new AuthenticationMethodInfo("1", "passwordAuthenticationMethod") });
        Assert.Equal(CheckStatus.Warning, new MfaRegistrationRule().Evaluate(evidence).Status);
    }

    [Fact]
    public void Lockout_in_the_log_fails_until_a_success_follows()
    {
        var evidence = Evidence(User("l@contoso.com"));
        evidence.SignIns = SignIns(Fail(50126, -5), Fail(50126, -4), Fail(50053, -3, "Account is locked because the user tried to sign in too many times."));

        var locked = Rule().Evaluate(evidence);
        Assert.Equal(CheckStatus.Fail, locked.Status);
        Assert.Equal(new[] { 50053 }, locked.Codes);
        Assert.Contains("too many times", locked.Detail);
        Assert.Contains("-ErrorCode 50053", locked.RemedyCommand);

        evidence.SignIns = SignIns(Fail(50053, -3), Success(-1));
        Assert.Equal(CheckStatus.Warning, Rule().Evaluate(evidence).Status);
    }

    [Fact]
    public void Repeated_wrong_passwords_point_at_a_stale_device()
    {
        var evidence = Evidence(User("w@contoso.com"));
        evidence.SignIns = SignIns(Enumerable.Range(1, 6).Select(i => Fail(50126, -i, app: "iOS Mail")).ToArray());

        var result = Rule().Evaluate(evidence);

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Contains("iOS Mail x6", result.Detail);
        Assert.Contains("-GroupBy App", result.RemedyCommand);
    }

    [Fact]
    public void Sessions_ended_by_a_password_change_are_expected()
    {
        var evidence = Evidence(User("x@contoso.com", lastChange: Now.AddDays(-2)));
        evidence.SignIns = SignIns(Fail(50132, -1), Fail(50173, -1));

        var result = Rule().Evaluate(evidence);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("expected", result.Detail);
    }

    [Fact]
    public void Benign_interrupts_are_not_failures()
    {
        var evidence = Evidence(User("k@contoso.com"));
        evidence.SignIns = SignIns(Fail(50140, -1), Fail(50058, -1), Success(-1));
        Assert.Equal(CheckStatus.Pass, Rule().Evaluate(evidence).Status);
    }

    [Fact]
    public void Bulk_runs_say_which_codes_they_searched()
    {
        var evidence = Evidence(User("b@contoso.com"));
        evidence.SignIns = SignIns();
        evidence.SignInCodesOnly = new[] { 50126, 50053 };
        Assert.Contains("50053, 50126 only", Rule().Evaluate(evidence).Detail);
    }

    [Fact]
    public void Verdicts_follow_the_worst_status()
    {
        ReadinessCheckResult R(CheckStatus s) => new(ReadinessCheck.Exists, s, "x");
        Assert.Equal(ReadinessVerdict.Ready, SignInReadiness.Decide(new[] { R(CheckStatus.Pass), R(CheckStatus.Skipped) }));
        Assert.Equal(ReadinessVerdict.AtRisk, SignInReadiness.Decide(new[] { R(CheckStatus.Pass), R(CheckStatus.Warning) }));
        Assert.Equal(ReadinessVerdict.Unknown, SignInReadiness.Decide(new[] { R(CheckStatus.Warning), R(CheckStatus.Error) }));
        Assert.Equal(ReadinessVerdict.Blocked, SignInReadiness.Decide(new[] { R(CheckStatus.Error), R(CheckStatus.Fail) }));
    }

    private static RecentFailuresRule Rule() => new(GuidanceCatalog.BuiltIn);

    private static ReadinessCheckResult Expiry(DirectoryUser user) => new PasswordExpiryRule().Evaluate(Evidence(user));

    private static UserEvidence Evidence(DirectoryUser user) => new(user.UserPrincipalName, Now, Now.AddDays(-7))
    {
        User = user,
        Domains = Evidence<IReadOnlyList<DirectoryDomain>>.Of(Domains),
    };

    private static DirectoryUser User(string upn, DateTimeOffset? lastChange = null, string? policies = null, bool enabled = true, bool synced = false, DateTimeOffset? lastSync = null, string userType = "Member", bool? forceChange = false) =>
        new(Guid.NewGuid().ToString(), upn)
        {
            AccountEnabled = enabled,
            LastPasswordChangeDateTime = lastChange,
            PasswordPolicies = policies,
            OnPremisesSyncEnabled = synced ? true : null,
            OnPremisesLastSyncDateTime = lastSync,
            UserType = userType,
            ForceChangePasswordNextSignIn = forceChange,
        };

    private static Evidence<IReadOnlyList<SignInEvent>> SignIns(params SignInEvent[] events) =>
        Evidence<IReadOnlyList<SignInEvent>>.Of(events.OrderByDescending(e => e.TimeUtc).ToList());

    private static SignInEvent Fail(int code, int hours, string? reason = null, string app = "Office 365") =>
        new() { ErrorCode = code, TimeUtc = Now.AddHours(hours), FailureReason = reason, AppDisplayName = app, IpAddress = "203.0.113.7" };

    private static SignInEvent Success(int hours) => new() { ErrorCode = 0, TimeUtc = Now.AddHours(hours), AppDisplayName = "Office 365" };
}
