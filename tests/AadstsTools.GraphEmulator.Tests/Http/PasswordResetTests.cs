using System.Net;
using AadstsTools.GraphEmulator.Security;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Http;

/// <summary>PATCH /users/{id} passwordProfile and POST revokeSignInSessions: what is accepted, refused and recorded.</summary>
public class PasswordResetTests
{
    private static string Profile(string? password, bool? force = true, bool? withMfa = false)
    {
        var parts = new List<string>();
        if (password is not null)
        {
            parts.Add($"\"password\":{System.Text.Json.JsonSerializer.Serialize(password)}");
        }

        if (force is not null)
        {
            parts.Add($"\"forceChangePasswordNextSignIn\":{force.Value.ToString().ToLowerInvariant()}");
        }

        if (withMfa is not null)
        {
            parts.Add($"\"forceChangePasswordNextSignInWithMfa\":{withMfa.Value.ToString().ToLowerInvariant()}");
        }

        return "{\"passwordProfile\":{" + string.Join(",", parts) + "}}";
    }

    [Fact]
    public async Task A_valid_reset_is_204_and_recorded_once_with_its_flags()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var before = DateTimeOffset.UtcNow;

        var result = await http.PatchAsync($"users/{Contoso.Carol}", Profile(Contoso.StrongPassword, force: true, withMfa: true));

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(string.Empty, result.Text);
        var carol = emulator.Tenant.GetUser(Contoso.Carol);
        var reset = Assert.Single(carol.PasswordResets);
        Assert.Equal(Contoso.StrongPassword, reset.Password);
        Assert.True(reset.ForceChangePasswordNextSignIn);
        Assert.True(reset.ForceChangePasswordNextSignInWithMfa);
        Assert.False(reset.InBatch);
        Assert.Equal(result.Header("request-id"), reset.RequestId);
        Assert.InRange(carol.LastPasswordChangeDateTime!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(Contoso.StrongPassword, reset.ToString());

        var profile = await http.GetAsync($"users/{Contoso.Carol}?$select=passwordProfile,lastPasswordChangeDateTime");
        Assert.True(profile.Json.GetProperty("passwordProfile").GetProperty("forceChangePasswordNextSignInWithMfa").GetBoolean());
    }

    [Fact]
    public async Task Force_change_only_is_accepted_sets_the_flag_and_keeps_the_password_date()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var alice = emulator.Tenant.GetUser(Contoso.Alice);
        var lastChange = alice.LastPasswordChangeDateTime;

        var result = await http.PatchAsync($"users/{Contoso.Alice}", Profile(null, force: true, withMfa: null));

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        var reset = Assert.Single(alice.PasswordResets);
        Assert.True(reset.ForceChangeOnly);
        Assert.True(alice.ForceChangePasswordNextSignIn);
        Assert.Equal(lastChange, alice.LastPasswordChangeDateTime);
    }

    [Theory]
    [InlineData("Sh0rt!")]
    [InlineData("alllowercaseletters")]
    [InlineData("NoDigitsOrSymbols")]
    [InlineData("Pässwörd2024!x")]
    [InlineData("Password1!")]
    [InlineData("Contoso!1")]
    [InlineData("Carol1!x")]
    [InlineData("Tab\tInside1a")]
    public async Task Passwords_Entra_refuses_are_400_with_the_complexity_message_and_nothing_is_recorded(string password)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync($"users/{Contoso.Carol}", Profile(password));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Request_BadRequest", result.ErrorCode);
        Assert.Equal("The specified password does not comply with password complexity requirements. Please provide a different password.", result.ErrorMessage);
        Assert.DoesNotContain(password, result.Text);
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Carol).PasswordResets);
    }

    [Fact]
    public async Task A_federated_user_cannot_be_reset_in_the_cloud()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync($"users/{Contoso.Ivan}", Profile(Contoso.StrongPassword));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.StartsWith("Unable to update the specified properties for on-premises mastered Directory Sync objects", result.ErrorMessage);
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Ivan).PasswordResets);
    }

    [Fact]
    public async Task A_password_hash_synced_user_in_a_managed_domain_can_be_reset()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync($"users/{Contoso.Grace}", Profile(Contoso.StrongPassword));

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
    }

    [Theory]
    [InlineData(false, DirectoryRoles.UserAdministrator, Contoso.Alice, HttpStatusCode.NoContent)]
    [InlineData(false, DirectoryRoles.HelpdeskAdministrator, Contoso.Alice, HttpStatusCode.NoContent)]
    [InlineData(false, DirectoryRoles.UserAdministrator, Contoso.Mia, HttpStatusCode.Forbidden)]
    [InlineData(false, DirectoryRoles.PrivilegedAuthenticationAdministrator, Contoso.Mia, HttpStatusCode.NoContent)]
    [InlineData(false, DirectoryRoles.ReportsReader, Contoso.Alice, HttpStatusCode.Forbidden)]
    [InlineData(true, null, Contoso.Alice, HttpStatusCode.Forbidden)]
    [InlineData(true, DirectoryRoles.UserAdministrator, Contoso.Alice, HttpStatusCode.NoContent)]
    [InlineData(true, DirectoryRoles.UserAdministrator, Contoso.Quinn, HttpStatusCode.Forbidden)]
    public async Task The_callers_role_must_outrank_the_target(bool appOnly, string? role, string target, HttpStatusCode expected)
    {
        var options = new EmulatorOptions { AppOnly = appOnly, CallerRoles = role is null ? Array.Empty<string>() : new[] { role } };
        await using var emulator = await Contoso.StartAsync(options);
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync($"users/{target}", Profile(Contoso.StrongPassword));

        Assert.Equal(expected, result.Status);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("Authorization_RequestDenied", result.ErrorCode);
            Assert.Equal("Insufficient privileges to complete the operation.", result.ErrorMessage);
            Assert.Empty(emulator.Tenant.GetUser(target).PasswordResets);
        }
    }

    [Theory]
    [InlineData(GraphPermissions.UserReadAll, HttpStatusCode.Forbidden)]
    [InlineData(GraphPermissions.UserPasswordProfileReadWriteAll, HttpStatusCode.NoContent)]
    [InlineData(GraphPermissions.UserReadWriteAll, HttpStatusCode.NoContent)]
    [InlineData(GraphPermissions.DirectoryAccessAsUserAll, HttpStatusCode.NoContent)]
    public async Task A_reset_needs_a_password_profile_permission(string permission, HttpStatusCode expected)
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { GrantedPermissions = new[] { permission } });
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync($"users/{Contoso.Alice}", Profile(Contoso.StrongPassword));

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData("{\"accountEnabled\":false}")]
    [InlineData("{}")]
    [InlineData("{\"passwordProfile\":{\"password\":\"Tq7#vLm2$Rx9!pWd\",\"favourite\":true}}")]
    [InlineData("[1,2]")]
    public async Task Bodies_other_than_a_passwordProfile_are_400s(string body)
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync($"users/{Contoso.Alice}", body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Alice).PasswordResets);
    }

    [Fact]
    public async Task A_reset_of_a_missing_user_is_404()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);

        var result = await http.PatchAsync("users/ghost@contoso.com", Profile(Contoso.StrongPassword));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
    }

    [Fact]
    public async Task Revoking_sessions_answers_true_and_moves_signInSessionsValidFromDateTime()
    {
        await using var emulator = await Contoso.StartAsync();
        using var http = new GraphHttp(emulator);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await http.PostAsync($"users/{Contoso.Nick}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True(result.Json.GetProperty("value").GetBoolean());
        Assert.EndsWith("$metadata#Edm.Boolean", result.Json.GetProperty("@odata.context").GetString());
        var nick = emulator.Tenant.GetUser(Contoso.Nick);
        var revocation = Assert.Single(nick.SessionRevocations);
        Assert.Equal(revocation.At, nick.SignInSessionsValidFromDateTime);
        Assert.True(revocation.At >= before);
        var shown = await http.GetAsync($"users/{Contoso.Nick}?$select=signInSessionsValidFromDateTime");
        Assert.True(shown.Json.GetProperty("signInSessionsValidFromDateTime").GetDateTimeOffset() >= before.AddSeconds(-1));
    }

    [Fact]
    public async Task Revoking_needs_a_revocation_permission()
    {
        await using var emulator = await Contoso.StartAsync(new EmulatorOptions { GrantedPermissions = new[] { GraphPermissions.UserPasswordProfileReadWriteAll } });
        using var http = new GraphHttp(emulator);

        var result = await http.PostAsync($"users/{Contoso.Nick}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Nick).SessionRevocations);
    }
}
