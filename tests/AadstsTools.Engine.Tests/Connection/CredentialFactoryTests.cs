using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AadstsTools.Connection;
using Azure.Identity;

namespace AadstsTools.Engine.Tests.Connection;

/// <summary>Which credential, authority and endpoint each way of connecting gets: construction only, no sign-in.</summary>
public class CredentialFactoryTests
{
    [Theory]
    [InlineData(GraphCloud.Global, "https://login.microsoftonline.com/", "https://graph.microsoft.com/v1.0")]
    [InlineData(GraphCloud.USGov, "https://login.microsoftonline.us/", "https://graph.microsoft.us/v1.0")]
    [InlineData(GraphCloud.USGovDoD, "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us/v1.0")]
    [InlineData(GraphCloud.China, "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/v1.0")]
    public void Each_cloud_has_its_authority_and_graph_endpoint(GraphCloud cloud, string authority, string graph)
    {
        CredentialPlan plan = CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.ManagedIdentity, Cloud = cloud, GraphBaseUrl = null });

        Assert.Equal(authority, plan.AuthorityHost.AbsoluteUri);
        Assert.Equal(graph, WithoutEnvironmentOverride(plan, cloud));
        Assert.Equal(new[] { graph.Replace("/v1.0", "/.default") }, plan.TokenScopes);
    }

    [Fact]
    public void Delegated_sign_in_asks_for_the_modules_scopes_qualified_for_the_cloud()
    {
        CredentialPlan plan = CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.Interactive, Cloud = GraphCloud.USGov });

        Assert.False(plan.IsAppOnly);
        Assert.Contains("https://graph.microsoft.us/User-PasswordProfile.ReadWrite.All", plan.TokenScopes);
        Assert.Contains("https://graph.microsoft.us/AuditLog.Read.All", plan.TokenScopes);
        Assert.Contains("https://graph.microsoft.us/Directory.Read.All", plan.TokenScopes);
        Assert.Equal(CredentialFactory.DefaultPublicClientId, plan.ClientId);
        Assert.Null(plan.TenantId);
    }

    [Fact]
    public void Given_scopes_replace_the_modules()
    {
        CredentialPlan plan = CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.DeviceCode, Scopes = new[] { "User.Read.All" }, ClientId = "11111111-1111-1111-1111-111111111111", TenantId = "contoso.onmicrosoft.com" });

        Assert.Equal(new[] { "https://graph.microsoft.com/User.Read.All" }, plan.TokenScopes);
        Assert.Equal("11111111-1111-1111-1111-111111111111", plan.ClientId);
        Assert.Equal("contoso.onmicrosoft.com", plan.TenantId);
    }

    [Fact]
    public void Each_mode_builds_its_azure_identity_credential()
    {
        Assert.IsType<InteractiveBrowserCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.Interactive }));
        Assert.IsType<DeviceCodeCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.DeviceCode }));
        Assert.IsType<ManagedIdentityCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.ManagedIdentity }));
        Assert.IsType<ManagedIdentityCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.ManagedIdentity, ClientId = "22222222-2222-2222-2222-222222222222" }));
        Assert.IsType<ClientSecretCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.ClientSecret, TenantId = "t", ClientId = "c", ClientSecret = Secure("s3cret") }));
        Assert.IsType<AccessTokenCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.AccessToken, AccessToken = Secure("token") }));
        using X509Certificate2 certificate = SelfSigned();
        Assert.IsType<ClientCertificateCredential>(Build(new ConnectionRequest { Mode = AuthenticationMode.ClientCertificate, TenantId = "t", ClientId = "c", Certificate = certificate }));
    }

    [Fact]
    public void User_assigned_managed_identity_keeps_its_client_id()
    {
        CredentialPlan plan = CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.ManagedIdentity, ClientId = "22222222-2222-2222-2222-222222222222" });
        Assert.True(plan.IsAppOnly);
        Assert.Equal("22222222-2222-2222-2222-222222222222", plan.ClientId);
        Assert.False(plan.PersistTokenCache);
    }

    [Theory]
    [InlineData(AuthenticationMode.ClientSecret, "-TenantId")]
    [InlineData(AuthenticationMode.ClientCertificate, "-TenantId")]
    public void App_sign_in_without_a_tenant_says_what_is_missing(AuthenticationMode mode, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() => CredentialFactory.Plan(new ConnectionRequest { Mode = mode, ClientId = "c", ClientSecret = Secure("x"), CertificateThumbprint = "AB" }));
        Assert.Contains(parameter, ex.Message);
    }

    [Fact]
    public void Missing_secret_certificate_or_token_is_named()
    {
        Assert.Contains("-ClientSecret", Assert.Throws<ArgumentException>(() => CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.ClientSecret, TenantId = "t", ClientId = "c" })).Message);
        Assert.Contains("-CertificateThumbprint", Assert.Throws<ArgumentException>(() => CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.ClientCertificate, TenantId = "t", ClientId = "c" })).Message);
        Assert.Contains("-AccessToken", Assert.Throws<ArgumentException>(() => CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.AccessToken })).Message);
    }

    [Fact]
    public void Unknown_thumbprint_is_a_clear_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => CredentialFactory.FindCertificate("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33"));
        Assert.Contains("00112233445566778899AABBCCDDEEFF00112233", ex.Message);
    }

    [Fact]
    public void Persistent_cache_is_opt_in_and_never_for_managed_identity()
    {
        Assert.False(CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.Interactive }).PersistTokenCache);
        Assert.True(CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.Interactive, PersistTokenCache = true }).PersistTokenCache);
        Assert.False(CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.ManagedIdentity, PersistTokenCache = true }).PersistTokenCache);
    }

    [Fact]
    public void The_emulator_base_url_overrides_the_cloud()
    {
        CredentialPlan plan = CredentialFactory.Plan(new ConnectionRequest { Mode = AuthenticationMode.AccessToken, AccessToken = Secure("t"), GraphBaseUrl = "http://127.0.0.1:5123/v1.0/" });
        Assert.Equal("http://127.0.0.1:5123/v1.0", plan.GraphBaseUrl);
        Assert.Equal("127.0.0.1", plan.GraphHost);
    }

    [Fact]
    public void Access_token_credential_hides_the_token_and_reads_its_expiry()
    {
        DateTimeOffset expires = DateTimeOffset.UtcNow.AddMinutes(30);
        string jwt = TokenClaims.CreateUnsigned(new Dictionary<string, object> { ["exp"] = expires.ToUnixTimeSeconds() });
        var credential = new AccessTokenCredential("Bearer " + jwt);

        Assert.Equal(expires.ToUnixTimeSeconds(), credential.ExpiresOn.ToUnixTimeSeconds());
        Assert.DoesNotContain(jwt, credential.ToString());
        Assert.Equal(jwt, credential.GetToken(new Azure.Core.TokenRequestContext(new[] { "x" }), default).Token);
    }

    [Fact]
    public void An_expired_token_says_to_get_a_new_one()
    {
        string jwt = TokenClaims.CreateUnsigned(new Dictionary<string, object> { ["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds() });
        var ex = Assert.Throws<AuthenticationFailedException>(() => new AccessTokenCredential(jwt).GetToken(new Azure.Core.TokenRequestContext(new[] { "x" }), default));
        Assert.Contains("Get-AzAccessToken", ex.Message);
        Assert.DoesNotContain(jwt, ex.Message);
    }

    private static string WithoutEnvironmentOverride(CredentialPlan plan, GraphCloud cloud) =>
        Environment.GetEnvironmentVariable(ConnectionRequest.GraphBaseUrlVariable) == null ? plan.GraphBaseUrl : CloudEndpoints.GraphBaseUrl(cloud);

    private static object Build(ConnectionRequest request) => CredentialFactory.Build(CredentialFactory.Plan(request), request);

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static X509Certificate2 SelfSigned()
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=aadsts-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
