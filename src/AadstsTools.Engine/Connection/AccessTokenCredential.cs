using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace AadstsTools.Connection
{
    /// <summary>
    /// A credential over a token obtained elsewhere (Get-AzAccessToken in a runbook already signed in to Az).
    /// It can't be refreshed: once it expires, commands say so and ask for a new one.
    /// </summary>
    public sealed class AccessTokenCredential : TokenCredential
    {
        private readonly string _token;
        private readonly DateTimeOffset _expiresOn;

        public AccessTokenCredential(string token)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException("The access token is empty.", nameof(token));
            }

            _token = token.Trim();
            if (_token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                _token = _token.Substring(7).Trim();
            }

            _expiresOn = TokenClaims.TryRead(_token)?.ExpiresOn ?? DateTimeOffset.UtcNow.AddHours(1);
        }

        public DateTimeOffset ExpiresOn => _expiresOn;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Current();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new ValueTask<AccessToken>(Current());

        private AccessToken Current()
        {
            if (_expiresOn <= DateTimeOffset.UtcNow)
            {
                throw new AuthenticationFailedException($"The access token given to Connect-AadstsGraph expired at {_expiresOn:u}; get a new one (Get-AzAccessToken -ResourceUrl https://graph.microsoft.com) and connect again.");
            }

            return new AccessToken(_token, _expiresOn);
        }

        /// <summary>Never the token itself.</summary>
        public override string ToString() => $"access token expiring {_expiresOn:u}";
    }
}
