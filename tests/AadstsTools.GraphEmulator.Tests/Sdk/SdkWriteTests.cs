using System.Net;
using AadstsTools.GraphEmulator.Faults;
using AadstsTools.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AadstsTools.GraphEmulator.Tests.Sdk;

/// <summary>Password resets, revocation and JSON batching through the real Graph SDK.</summary>
public class SdkWriteTests
{
    private static User Reset(string password, bool force = true, bool withMfa = false) => new()
    {
        PasswordProfile = new PasswordProfile
        {
            Password = password,
            ForceChangePasswordNextSignIn = force,
            ForceChangePasswordNextSignInWithMfa = withMfa,
        },
    };

    [Fact]
    public async Task PATCH_passwordProfile_is_recorded_with_the_flags_sent()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        await client.Users[Contoso.Bob].PatchAsync(Reset(Contoso.StrongPassword, force: true, withMfa: true));

        var reset = Assert.Single(emulator.Tenant.GetUser(Contoso.Bob).PasswordResets);
        Assert.Equal(Contoso.StrongPassword, reset.Password);
        Assert.True(reset.ForceChangePasswordNextSignIn);
        Assert.True(reset.ForceChangePasswordNextSignInWithMfa);
    }

    [Fact]
    public async Task A_refused_password_is_an_ODataError_400()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users[Contoso.Bob].PatchAsync(Reset("bob")));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", error.Error!.Code);
        Assert.Contains("password complexity", error.Error.Message);
    }

    [Fact]
    public async Task RevokeSignInSessions_answers_true()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);

        var result = await client.Users[Contoso.Nick].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync();

        Assert.True(result!.Value);
        Assert.Single(emulator.Tenant.GetUser(Contoso.Nick).SessionRevocations);
    }

    [Fact]
    public async Task A_batch_collection_gets_per_request_statuses_and_bodies()
    {
        await using var emulator = await Contoso.StartAsync();
        var client = SdkClients.Create(emulator);
        var batch = new BatchRequestContentCollection(client);
        var read = await batch.AddBatchRequestStepAsync(client.Users[Contoso.Alice].ToGetRequestInformation(r => r.QueryParameters.Select = new[] { "id", "accountEnabled" }));
        var missing = await batch.AddBatchRequestStepAsync(client.Users["ghost@contoso.com"].ToGetRequestInformation());
        var reset = await batch.AddBatchRequestStepAsync(client.Users[Contoso.Carol].ToPatchRequestInformation(Reset(Contoso.StrongPassword)));
        var weak = await batch.AddBatchRequestStepAsync(client.Users[Contoso.Olivia].ToPatchRequestInformation(Reset("olivia")));
        var revoke = await batch.AddBatchRequestStepAsync(client.Users[Contoso.Carol].RevokeSignInSessions.ToPostRequestInformation());

        var response = await client.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();

        Assert.Equal(HttpStatusCode.OK, statuses[read]);
        Assert.Equal(HttpStatusCode.NotFound, statuses[missing]);
        Assert.Equal(HttpStatusCode.NoContent, statuses[reset]);
        Assert.Equal(HttpStatusCode.BadRequest, statuses[weak]);
        Assert.Equal(HttpStatusCode.OK, statuses[revoke]);
        var alice = await response.GetResponseByIdAsync<User>(read);
        Assert.True(alice.AccountEnabled);
        var error = await Assert.ThrowsAsync<ServiceException>(() => response.GetResponseByIdAsync<User>(missing));
        Assert.Equal(404, error.ResponseStatusCode);

        var carol = emulator.Tenant.GetUser(Contoso.Carol);
        Assert.True(Assert.Single(carol.PasswordResets).InBatch);
        Assert.Single(carol.SessionRevocations);
        Assert.Empty(emulator.Tenant.GetUser(Contoso.Olivia).PasswordResets);
        Assert.Equal(5, emulator.Requests.Count(r => r.InBatch));
    }

    [Fact]
    public async Task A_collection_of_45_requests_goes_in_batches_of_20_and_throttled_steps_say_so()
    {
        var options = new EmulatorOptions { Throttle = new ThrottleLimit(30, TimeSpan.FromMinutes(1)), RetryAfterSeconds = 2.128 };
        await using var emulator = await GraphEmulator.StartAsync(EmulatorTenant.Generate(45, seed: 7), options);
        var client = SdkClients.Create(emulator);
        var batch = new BatchRequestContentCollection(client);
        var steps = new List<string>();
        foreach (var user in emulator.Tenant.Users)
        {
            steps.Add(await batch.AddBatchRequestStepAsync(client.Users[user.Id].RevokeSignInSessions.ToPostRequestInformation()));
        }

        var response = await client.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();

        Assert.Equal(3, emulator.Requests.Count(r => r.Path == "/$batch"));
        Assert.Equal(30, statuses.Values.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Values.Count(s => s == HttpStatusCode.TooManyRequests));
        var throttledId = steps.First(id => statuses[id] == HttpStatusCode.TooManyRequests);
        using var throttled = await response.GetResponseByIdAsync(throttledId);
        Assert.Equal("2.128", throttled.Headers.RetryAfter?.ToString() ?? string.Join(",", throttled.Headers.GetValues("Retry-After")));
        Assert.Equal(30, emulator.Tenant.Users.Count(u => u.SessionRevocations.Count == 1));
    }
}
