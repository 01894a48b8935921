using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AadstsTools.GraphEmulator.Tests.TestSupport;

/// <summary>
/// The real Graph SDK pointed at the emulator as production will build it: an HttpClient from GraphClientFactory (the
/// SDK's middleware), a bearer token, the emulator's versioned base URL.
/// </summary>
internal static class SdkClients
{
    public static GraphServiceClient Create(GraphEmulator emulator) =>
        new(GraphClientFactory.Create(), new StaticTokenAuthenticationProvider(emulator.AccessToken), emulator.BaseUrl);

    private sealed class StaticTokenAuthenticationProvider(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }
}
