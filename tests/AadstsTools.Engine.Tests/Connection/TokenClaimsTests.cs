using AadstsTools.Connection;
using AadstsTools.Graph;

namespace AadstsTools.Engine.Tests.Connection;

public class TokenClaimsTests
{
    [Fact]
    public void Delegated_token_claims()
    {
        string token = TokenClaims.CreateUnsigned(new Dictionary<string, object>
        {
            ["tid"] = "aaaaaaaa-0000-0000-0000-000000000001",
            ["upn"] = "admin@contoso.com",
            ["appid"] = "14d82eec-204b-4c2f-b7e8-296a70dab67e",
            ["scp"] = "User.Read.All AuditLog.Read.All",
            ["exp"] = 2000000000,
        });

        TokenClaims claims = TokenClaims.TryRead(token)!;

        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000001", claims.TenantId);
        Assert.Equal("admin@contoso.com", claims.Account);
        Assert.False(claims.IsAppOnly);
        Assert.Equal(new[] { "User.Read.All", "AuditLog.Read.All" }, claims.Permissions);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2000000000), claims.ExpiresOn);
    }

    [Fact]
    public void App_only_token_claims()
    {
        string token = TokenClaims.CreateUnsigned(new Dictionary<string, object>
        {
            ["tid"] = "t",
            ["appid"] = "c",
            ["roles"] = new[] { "User-PasswordProfile.ReadWrite.All" },
        });

        TokenClaims claims = TokenClaims.TryRead(token)!;

        Assert.True(claims.IsAppOnly);
        Assert.Equal(new[] { "User-PasswordProfile.ReadWrite.All" }, claims.Permissions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("opaque-token")]
    [InlineData("a.b.c")]
    [InlineData("a.!!!.c")]
    public void Non_jwt_tokens_have_no_claims(string? token) => Assert.Null(TokenClaims.TryRead(token));

    [Fact]
    public void Module_scopes_are_the_union_of_what_commands_need()
    {
        IReadOnlyList<string> all = ModulePermissions.Scopes();

        Assert.Contains("User-PasswordProfile.ReadWrite.All", all);
        Assert.Contains("User.RevokeSessions.All", all);
        Assert.Contains("AuditLog.Read.All", all);
        Assert.Contains("Directory.Read.All", all);
        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain("User.ReadWrite.All", all);
        Assert.Equal(new[] { "AuditLog.Read.All", "Directory.Read.All" }, ModulePermissions.Scopes(new[] { ModulePermissions.GetAadSignInFailure }));
    }

    [Fact]
    public void Broader_permissions_cover_narrower_ones()
    {
        Assert.Empty(ModulePermissions.Missing(GraphOperation.ReadUsers, new[] { "Directory.Read.All" }));
        Assert.Empty(ModulePermissions.Missing(GraphOperation.ResetPassword, new[] { "User.ReadWrite.All" }));
        Assert.Equal(new[] { "Directory.Read.All" }, ModulePermissions.Missing(GraphOperation.ReadSignIns, new[] { "AuditLog.Read.All" }));
        Assert.Empty(ModulePermissions.Missing(GraphOperation.ReadSignIns, Array.Empty<string>()));
    }
}
