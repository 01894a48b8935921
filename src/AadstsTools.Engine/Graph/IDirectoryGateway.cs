using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Graph.Model;

namespace AadstsTools.Graph
{
    /// <summary>
    /// Everything the module asks Microsoft Graph, in our own types. One implementation talks to Graph
    /// through the Graph SDK; the checks, resets and triage only know this interface.
    /// </summary>
    public interface IDirectoryGateway
    {
        /// <summary>True when signed in as an application (managed identity, certificate, secret).</summary>
        bool IsAppOnly { get; }

        /// <summary>One user by id or UPN, with the properties the checks need.</summary>
        /// <exception cref="GraphException">Not found, permission missing, throttled, ...</exception>
        Task<DirectoryUser> GetUserAsync(UserKey user, CancellationToken cancellationToken);

        /// <summary>Many users at once (filtered queries inside $batch calls; a single GET for one); one result per key.</summary>
        Task<IReadOnlyDictionary<UserKey, GraphResult<DirectoryUser>>> GetUsersAsync(IReadOnlyCollection<UserKey> users, CancellationToken cancellationToken);

        /// <summary>The tenant's domains with their password policies (read once per gateway).</summary>
        Task<IReadOnlyList<DirectoryDomain>> GetDomainsAsync(CancellationToken cancellationToken);

        /// <summary>One user's row of the registration report; null when the report has none (e.g. disabled users).</summary>
        Task<RegistrationDetails?> GetRegistrationDetailsAsync(string userId, CancellationToken cancellationToken);

        /// <summary>The whole registration report, page by page.</summary>
        IAsyncEnumerable<RegistrationDetails> ListRegistrationDetailsAsync(CancellationToken cancellationToken);

        /// <summary>A user's registered authentication methods (per user; the fallback without a P1 licence).</summary>
        Task<IReadOnlyList<AuthenticationMethodInfo>> GetAuthenticationMethodsAsync(string userId, CancellationToken cancellationToken);

        /// <summary>The sign-in log, newest first, page by page (each page waits its turn under the reporting limit).</summary>
        IAsyncEnumerable<AadstsTools.SignIns.SignInEvent> GetSignInsAsync(SignInQuery query, CancellationToken cancellationToken);

        /// <summary>Sets new passwords (PATCH passwordProfile) in $batch calls; one result per request, in no set order.</summary>
        Task<IReadOnlyList<PasswordWriteResult>> ResetPasswordsAsync(IReadOnlyList<PasswordWrite> writes, CancellationToken cancellationToken, System.Func<PasswordWriteResult, Task>? onResult = null);

        /// <summary>Revokes sign-in sessions in $batch calls; one result per user id.</summary>
        Task<IReadOnlyDictionary<string, GraphFailure?>> RevokeSessionsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

        /// <summary>What was sent so far: HTTP calls and Graph operations (a $batch call holds up to 20).</summary>
        GraphTraffic Traffic { get; }
    }
}
