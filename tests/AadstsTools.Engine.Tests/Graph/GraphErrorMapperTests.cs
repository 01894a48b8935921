using System.Net;
using System.Text;
using AadstsTools.Graph;
using AadstsTools.Output;

namespace AadstsTools.Engine.Tests.Graph;

public class GraphErrorMapperTests
{
    [Fact]
    public void Forbidden_password_reset_names_the_permission_and_role()
    {
        GraphFailure failure = GraphErrorMapper.FromError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "rid-1", null, null, GraphOperation.ResetPassword, "alice@contoso.com", appOnly: true);

        Assert.Equal(GraphFailureKind.PermissionMissing, failure.Kind);
        Assert.Equal("User-PasswordProfile.ReadWrite.All", failure.RequiredPermission);
        Assert.Contains("User Administrator", failure.RequiredRole);
        Assert.Contains("Privileged Authentication Administrator", failure.Message);
        Assert.Contains("alice@contoso.com", failure.Message);
        Assert.Contains("rid-1", failure.ToString());
        Assert.Equal(ErrorKind.PermissionDenied, failure.ToEngineError("x", null).Kind);
    }

    [Fact]
    public void Non_premium_tenant_is_a_licence_problem()
    {
        GraphFailure failure = GraphErrorMapper.FromError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license", null, null, null, GraphOperation.ReadRegistrationDetails);

        Assert.Equal(GraphFailureKind.LicenseMissing, failure.Kind);
        Assert.Contains("P1 or P2", failure.Message);
    }

    [Theory]
    [InlineData(400, GraphFailureKind.InvalidRequest, ErrorKind.InvalidData)]
    [InlineData(401, GraphFailureKind.Unauthenticated, ErrorKind.AuthenticationError)]
    [InlineData(404, GraphFailureKind.NotFound, ErrorKind.ObjectNotFound)]
    [InlineData(429, GraphFailureKind.Throttled, ErrorKind.LimitsExceeded)]
    [InlineData(503, GraphFailureKind.Transient, ErrorKind.ResourceUnavailable)]
    public void Statuses_map_to_kinds(int status, GraphFailureKind kind, ErrorKind errorKind)
    {
        GraphFailure failure = GraphErrorMapper.FromError(status, null, "message", null, null, null, GraphOperation.ReadUsers);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(errorKind, failure.ToEngineError("x", null).Kind);
    }

    [Fact]
    public void Bad_request_carries_graphs_message()
    {
        GraphFailure failure = GraphErrorMapper.FromError(400, "Request_BadRequest", "The specified password does not comply with password complexity requirements.", null, null, null, GraphOperation.ResetPassword, "bob@contoso.com");
        Assert.Contains("complexity", failure.Message);
    }

    [Fact]
    public async Task Raw_responses_give_code_message_request_id_and_date()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist.","innerError":{"date":"2026-11-20T09:00:00","request-id":"abc-123","client-request-id":"def"}}}""", Encoding.UTF8, "application/json"),
        };

        GraphFailure failure = await GraphErrorMapper.FromResponseAsync(response, GraphOperation.ReadUsers, "x@contoso.com");

        Assert.Equal(GraphFailureKind.NotFound, failure.Kind);
        Assert.Equal("Request_ResourceNotFound", failure.GraphCode);
        Assert.Equal("abc-123", failure.RequestId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), failure.Date);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_still_an_answer()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") };
        response.Headers.TryAddWithoutValidation("request-id", "rid-9");

        GraphFailure failure = await GraphErrorMapper.FromResponseAsync(response, GraphOperation.ReadDomains);

        Assert.Equal(GraphFailureKind.Transient, failure.Kind);
        Assert.Equal("rid-9", failure.RequestId);
    }
}
