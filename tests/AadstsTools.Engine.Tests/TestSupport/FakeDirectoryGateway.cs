using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.SignIns;

namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>An in-memory directory for orchestration tests; counts calls and can fail on demand.</summary>
public sealed class FakeDirectoryGateway : IDirectoryGateway
{
    public List<DirectoryUser> Users { get; } = new();

    public List<DirectoryDomain> Domains { get; } = new();

    public Dictionary<string, RegistrationDetails> Registration { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<SignInEvent> SignIns { get; } = new();

    public GraphFailure? RegistrationFailure { get; set; }

    public GraphFailure? SignInFailure { get; set; }

    public ConcurrentQueue<string> Calls { get; } = new();

    public bool IsAppOnly => false;

    public GraphTraffic Traffic { get; } = new();

    public int CallsTo(string name) => Calls.Count(c => c == name);

    public Task<DirectoryUser> GetUserAsync(UserKey user, CancellationToken cancellationToken)
    {
        Calls.Enqueue("GetUser");
        DirectoryUser? found = Find(user);
        return found != null ? Task.FromResult(found)
            : throw new GraphException(GraphErrorMapper.FromError(404, "Request_ResourceNotFound", null, null, null, null, GraphOperation.ReadUsers, user.Input));
    }

    public Task<IReadOnlyDictionary<UserKey, GraphResult<DirectoryUser>>> GetUsersAsync(IReadOnlyCollection<UserKey> users, CancellationToken cancellationToken)
    {
        Calls.Enqueue("GetUsers");
        var results = users.ToDictionary(u => u, u => Find(u) is { } found
            ? GraphResult<DirectoryUser>.Success(found)
            : GraphResult<DirectoryUser>.Failed(GraphErrorMapper.FromError(404, null, null, null, null, null, GraphOperation.ReadUsers, u.Input)));
        return Task.FromResult<IReadOnlyDictionary<UserKey, GraphResult<DirectoryUser>>>(results);
    }

    public Task<IReadOnlyList<DirectoryDomain>> GetDomainsAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("GetDomains");
        return Task.FromResult<IReadOnlyList<DirectoryDomain>>(Domains);
    }

    public Task<RegistrationDetails?> GetRegistrationDetailsAsync(string userId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("GetRegistration");
        if (RegistrationFailure != null)
        {
            throw new GraphException(RegistrationFailure);
        }

        return Task.FromResult(Registration.TryGetValue(userId, out var row) ? row : null);
    }

    public async IAsyncEnumerable<RegistrationDetails> ListRegistrationDetailsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Enqueue("ListRegistration");
        await Task.Yield();
        if (RegistrationFailure != null)
        {
            throw new GraphException(RegistrationFailure);
        }

        foreach (var row in Registration.Values)
        {
            yield return row;
        }
    }

    public Task<IReadOnlyList<AuthenticationMethodInfo>> GetAuthenticationMethodsAsync(string userId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("GetMethods");
        return Task.FromResult<IReadOnlyList<AuthenticationMethodInfo>>(new[] { new AuthenticationMethodInfo("p", "passwordAuthenticationMethod") });
    }

    public async IAsyncEnumerable<SignInEvent> GetSignInsAsync(SignInQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Enqueue(query.ErrorCode.HasValue ? "SignInsByCode" : "SignInsByUser");
        await Task.Yield();
        if (SignInFailure != null)
        {
            throw new GraphException(SignInFailure);
        }

        foreach (var item in SignIns.Where(s => s.TimeUtc >= query.Since
                     && (query.UserId == null || s.UserId == query.UserId)
                     && (query.ErrorCode == null || s.ErrorCode == query.ErrorCode))
                     .OrderByDescending(s => s.TimeUtc))
        {
            yield return item;
        }
    }

    public Task<IReadOnlyList<PasswordWriteResult>> ResetPasswordsAsync(IReadOnlyList<PasswordWrite> writes, CancellationToken cancellationToken, Func<PasswordWriteResult, Task>? onResult = null) =>
        throw new NotSupportedException("Resets are tested against the Graph emulator.");

    public Task<IReadOnlyDictionary<string, GraphFailure?>> RevokeSessionsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Revocation is tested against the Graph emulator.");

    private DirectoryUser? Find(UserKey key) => Users.FirstOrDefault(u => key.IsObjectId
        ? string.Equals(u.Id, key.Value, StringComparison.OrdinalIgnoreCase)
        : string.Equals(u.UserPrincipalName, key.Value, StringComparison.OrdinalIgnoreCase));
}
