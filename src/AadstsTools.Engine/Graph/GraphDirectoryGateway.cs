using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Graph.Model;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AadstsTools.Graph
{
    /// <summary>The directory gateway over the Microsoft Graph SDK (v1.0).</summary>
    public sealed class GraphDirectoryGateway : IDirectoryGateway
    {
        /// <summary>Graph accepts at most 15 values in one "in (...)" filter.</summary>
        public const int FilterChunkSize = 15;

        // Properties the checks read; most are returned only when named in $select.
        internal static readonly string[] UserSelect =
        {
            "id", "userPrincipalName", "displayName", "givenName", "surname", "mail", "accountEnabled", "userType",
            "passwordPolicies", "lastPasswordChangeDateTime", "createdDateTime", "onPremisesSyncEnabled",
            "onPremisesLastSyncDateTime", "onPremisesImmutableId", "signInSessionsValidFromDateTime", "passwordProfile",
        };

        private readonly GraphServiceClient _client;
        private readonly BatchRunner _batches;
        private readonly SlidingWindowLimiter _reporting;
        private readonly SemaphoreSlim _domainsLock = new SemaphoreSlim(1, 1);
        private IReadOnlyList<DirectoryDomain>? _domains;

        public GraphDirectoryGateway(GraphServiceClient client, bool isAppOnly, GraphRetryPolicy? retryPolicy = null, SlidingWindowLimiter? reportingLimiter = null, int batchConcurrency = 4)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            IsAppOnly = isAppOnly;
            _batches = new BatchRunner(client, retryPolicy, batchConcurrency);
            _reporting = reportingLimiter ?? SlidingWindowLimiter.ForReports();
        }

        public bool IsAppOnly { get; }

        public GraphTraffic Traffic { get; } = new GraphTraffic();

        public async Task<DirectoryUser> GetUserAsync(UserKey user, CancellationToken cancellationToken)
        {
            try
            {
                Traffic.CountCall();
                User? found = await _client.Users[user.Value].GetAsync(r => r.QueryParameters.Select = UserSelect, cancellationToken).ConfigureAwait(false);
                return found == null
                    ? throw new GraphException(GraphErrorMapper.FromError(404, null, null, null, null, null, GraphOperation.ReadUsers, user.Input, IsAppOnly))
                    : ToDirectoryUser(found);
            }
            catch (Exception ex) when (!(ex is GraphException))
            {
                throw new GraphException(GraphErrorMapper.FromException(ex, GraphOperation.ReadUsers, user.Input, IsAppOnly), ex);
            }
        }

        public async Task<IReadOnlyDictionary<UserKey, GraphResult<DirectoryUser>>> GetUsersAsync(IReadOnlyCollection<UserKey> users, CancellationToken cancellationToken)
        {
            var results = new Dictionary<UserKey, GraphResult<DirectoryUser>>();
            var wanted = users.Distinct().ToList();
            if (wanted.Count == 1)
            {
                // One user: a plain GET is one call without the $batch envelope.
                try
                {
                    results[wanted[0]] = GraphResult<DirectoryUser>.Success(await GetUserAsync(wanted[0], cancellationToken).ConfigureAwait(false));
                }
                catch (GraphException ex)
                {
                    results[wanted[0]] = GraphResult<DirectoryUser>.Failed(ex.Failure);
                }

                return results;
            }
            var chunks = new List<(string Key, List<UserKey> Users)>();
            foreach (var group in wanted.GroupBy(u => u.IsObjectId))
            {
                var list = group.ToList();
                for (int i = 0; i < list.Count; i += FilterChunkSize)
                {
                    chunks.Add((chunks.Count.ToString(CultureInfo.InvariantCulture), list.Skip(i).Take(FilterChunkSize).ToList()));
                }
            }

            var items = chunks.Select(chunk => new BatchItem(chunk.Key, () => _client.Users.ToGetRequestInformation(r =>
            {
                string property = chunk.Users[0].IsObjectId ? "id" : "userPrincipalName";
                r.QueryParameters.Filter = $"{property} in ({string.Join(",", chunk.Users.Select(u => Quote(u.Value)))})";
                r.QueryParameters.Select = UserSelect;
                r.QueryParameters.Top = FilterChunkSize;
            }))).ToList();

            long before = _batches.BatchCalls;
            IReadOnlyList<BatchOutcome> outcomes = await _batches.RunAsync(items, GraphOperation.ReadUsers, cancellationToken).ConfigureAwait(false);
            CountBatches(before, items.Count);

            var byChunk = chunks.ToDictionary(c => c.Key, c => c.Users);
            foreach (BatchOutcome outcome in outcomes)
            {
                List<UserKey> chunkUsers = byChunk[outcome.Key];
                if (!outcome.IsSuccess)
                {
                    GraphFailure failure = outcome.Failure ?? await GraphErrorMapper.FromResponseAsync(outcome.Response!, GraphOperation.ReadUsers, appOnly: IsAppOnly).ConfigureAwait(false);
                    foreach (UserKey key in chunkUsers)
                    {
                        results[key] = GraphResult<DirectoryUser>.Failed(failure);
                    }

                    continue;
                }

                UserCollectionResponse? page = await Deserialize(outcome.Body, UserCollectionResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
                var found = (page?.Value ?? new List<User>()).Where(u => u.Id != null && u.UserPrincipalName != null).Select(ToDirectoryUser).ToList();
                foreach (UserKey key in chunkUsers)
                {
                    DirectoryUser? match = key.IsObjectId
                        ? found.FirstOrDefault(u => string.Equals(u.Id, key.Value, StringComparison.OrdinalIgnoreCase))
                        : found.FirstOrDefault(u => string.Equals(u.UserPrincipalName, key.Value, StringComparison.OrdinalIgnoreCase));
                    results[key] = match != null
                        ? GraphResult<DirectoryUser>.Success(match)
                        : GraphResult<DirectoryUser>.Failed(GraphErrorMapper.FromError(404, "Request_ResourceNotFound", null, null, null, null, GraphOperation.ReadUsers, key.Input, IsAppOnly));
                }
            }

            return results;
        }

        public async Task<IReadOnlyList<DirectoryDomain>> GetDomainsAsync(CancellationToken cancellationToken)
        {
            if (_domains != null)
            {
                return _domains;
            }

            await _domainsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_domains == null)
                {
                    var domains = new List<DirectoryDomain>();
                    try
                    {
                        Traffic.CountCall();
                        DomainCollectionResponse? page = await _client.Domains.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                        while (page != null)
                        {
                            domains.AddRange((page.Value ?? new List<Domain>()).Where(d => d.Id != null).Select(ToDirectoryDomain));
                            if (page.OdataNextLink == null)
                            {
                                break;
                            }

                            Traffic.CountCall();
                            page = await _client.Domains.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                        }
                    }
                    catch (Exception ex)
                    {
                        throw new GraphException(GraphErrorMapper.FromException(ex, GraphOperation.ReadDomains, appOnly: IsAppOnly), ex);
                    }

                    _domains = domains;
                }

                return _domains;
            }
            finally
            {
                _domainsLock.Release();
            }
        }

        public async Task<RegistrationDetails?> GetRegistrationDetailsAsync(string userId, CancellationToken cancellationToken)
        {
            await _reporting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Traffic.CountCall(reporting: true);
                UserRegistrationDetails? row = await _client.Reports.AuthenticationMethods.UserRegistrationDetails[userId].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return row == null ? null : ToRegistrationDetails(row);
            }
            catch (Exception ex)
            {
                GraphFailure failure = GraphErrorMapper.FromException(ex, GraphOperation.ReadRegistrationDetails, userId, IsAppOnly);
                if (failure.Kind == GraphFailureKind.NotFound)
                {
                    return null;
                }

                throw new GraphException(failure, ex);
            }
        }

        public async IAsyncEnumerable<RegistrationDetails> ListRegistrationDetailsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            UserRegistrationDetailsCollectionResponse? page = await ReportPage(GraphOperation.ReadRegistrationDetails, () => _client.Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            while (page != null)
            {
                foreach (UserRegistrationDetails row in page.Value ?? new List<UserRegistrationDetails>())
                {
                    if (row.Id != null)
                    {
                        yield return ToRegistrationDetails(row);
                    }
                }

                string? next = page.OdataNextLink;
                if (next == null)
                {
                    yield break;
                }

                page = await ReportPage(GraphOperation.ReadRegistrationDetails, () => _client.Reports.AuthenticationMethods.UserRegistrationDetails.WithUrl(next).GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<IReadOnlyList<AuthenticationMethodInfo>> GetAuthenticationMethodsAsync(string userId, CancellationToken cancellationToken)
        {
            try
            {
                var methods = new List<AuthenticationMethodInfo>();
                Traffic.CountCall();
                AuthenticationMethodCollectionResponse? page = await _client.Users[userId].Authentication.Methods.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                while (page != null)
                {
                    foreach (AuthenticationMethod method in page.Value ?? new List<AuthenticationMethod>())
                    {
                        string kind = (method.OdataType ?? method.GetType().Name).Replace("#microsoft.graph.", string.Empty);
                        methods.Add(new AuthenticationMethodInfo(method.Id ?? string.Empty, char.ToLowerInvariant(kind[0]) + kind.Substring(1)));
                    }

                    if (page.OdataNextLink == null)
                    {
                        break;
                    }

                    Traffic.CountCall();
                    page = await _client.Users[userId].Authentication.Methods.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return methods;
            }
            catch (Exception ex)
            {
                throw new GraphException(GraphErrorMapper.FromException(ex, GraphOperation.ReadAuthenticationMethods, userId, IsAppOnly), ex);
            }
        }

        public async IAsyncEnumerable<SignIns.SignInEvent> GetSignInsAsync(SignInQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            SignInCollectionResponse? page = await ReportPage(GraphOperation.ReadSignIns, () => _client.AuditLogs.SignIns.GetAsync(r =>
            {
                r.QueryParameters.Filter = query.ToFilter();
                r.QueryParameters.Top = Math.Max(1, Math.Min(query.PageSize, 1000));
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            while (page != null)
            {
                foreach (SignIn signIn in page.Value ?? new List<SignIn>())
                {
                    SignIns.SignInEvent item = ToSignInEvent(signIn);
                    if (!query.FailuresOnly || !item.Succeeded)
                    {
                        yield return item;
                    }
                }

                string? next = page.OdataNextLink;
                if (next == null)
                {
                    yield break;
                }

                page = await ReportPage(GraphOperation.ReadSignIns, () => _client.AuditLogs.SignIns.WithUrl(next).GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<IReadOnlyList<PasswordWriteResult>> ResetPasswordsAsync(IReadOnlyList<PasswordWrite> writes, CancellationToken cancellationToken, Func<PasswordWriteResult, Task>? onResult = null)
        {
            var byKey = writes.Select((w, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Write: w)).ToDictionary(p => p.Key, p => p.Write);
            var items = byKey.Select(pair => new BatchItem(pair.Key, () => _client.Users[pair.Value.UserId].ToPatchRequestInformation(new User
            {
                PasswordProfile = new PasswordProfile
                {
                    // The one place the password becomes a string: the SDK's model needs one.
                    Password = pair.Value.Password == null ? null : new string(pair.Value.Password),
                    ForceChangePasswordNextSignIn = pair.Value.ForceChangePasswordNextSignIn,
                    ForceChangePasswordNextSignInWithMfa = pair.Value.ForceChangePasswordNextSignInWithMfa,
                },
            }))).ToList();

            var results = new List<PasswordWriteResult>(writes.Count);
            long before = _batches.BatchCalls;
            await _batches.RunAsync(items, GraphOperation.ResetPassword, cancellationToken, async outcome =>
            {
                PasswordWrite write = byKey[outcome.Key];
                GraphFailure? failure = null;
                if (!outcome.IsSuccess)
                {
                    failure = outcome.Failure ?? await GraphErrorMapper.FromResponseAsync(outcome.Response!, GraphOperation.ResetPassword, write.UserId, IsAppOnly).ConfigureAwait(false);
                }

                var result = new PasswordWriteResult(write.UserId, failure, RequestIdOf(outcome), outcome.Attempts);
                lock (results)
                {
                    results.Add(result);
                }

                if (onResult != null)
                {
                    await onResult(result).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            CountBatches(before, items.Count);
            return results;
        }

        public async Task<IReadOnlyDictionary<string, GraphFailure?>> RevokeSessionsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            var items = userIds.Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(id => new BatchItem(id, () => _client.Users[id].RevokeSignInSessions.ToPostRequestInformation())).ToList();
            long before = _batches.BatchCalls;
            IReadOnlyList<BatchOutcome> outcomes = await _batches.RunAsync(items, GraphOperation.RevokeSessions, cancellationToken).ConfigureAwait(false);
            CountBatches(before, items.Count);
            var results = new Dictionary<string, GraphFailure?>(StringComparer.OrdinalIgnoreCase);
            foreach (BatchOutcome outcome in outcomes)
            {
                results[outcome.Key] = outcome.IsSuccess ? null
                    : outcome.Failure ?? await GraphErrorMapper.FromResponseAsync(outcome.Response!, GraphOperation.RevokeSessions, outcome.Key, IsAppOnly).ConfigureAwait(false);
            }

            return results;
        }

        /// <summary>One page of a reporting API: waits its turn under the reporting limit, failures explained for the operation.</summary>
        private async Task<T?> ReportPage<T>(GraphOperation operation, Func<Task<T?>> call, CancellationToken cancellationToken)
            where T : class
        {
            await _reporting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Traffic.CountCall(reporting: true);
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw new GraphException(GraphErrorMapper.FromException(ex, operation, appOnly: IsAppOnly), ex);
            }
        }

        private void CountBatches(long before, int operations) => Traffic.CountBatches(_batches.BatchCalls - before, operations);

        private static string? RequestIdOf(BatchOutcome outcome)
        {
            if (outcome.Response != null && outcome.Response.Headers.TryGetValues("request-id", out var values))
            {
                return values.FirstOrDefault();
            }

            return null;
        }

        private static async Task<T?> Deserialize<T>(byte[] body, ParsableFactory<T> factory, CancellationToken cancellationToken)
            where T : IParsable
        {
            using var stream = new MemoryStream(body);
            return await KiotaJsonSerializer.DeserializeAsync(stream, factory, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>An OData string literal: quotes doubled.</summary>
        internal static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

        internal static DirectoryUser ToDirectoryUser(User user) => new DirectoryUser(user.Id ?? string.Empty, user.UserPrincipalName ?? string.Empty)
        {
            DisplayName = user.DisplayName,
            GivenName = user.GivenName,
            Surname = user.Surname,
            Mail = user.Mail,
            AccountEnabled = user.AccountEnabled,
            UserType = user.UserType,
            PasswordPolicies = user.PasswordPolicies,
            LastPasswordChangeDateTime = user.LastPasswordChangeDateTime,
            CreatedDateTime = user.CreatedDateTime,
            OnPremisesSyncEnabled = user.OnPremisesSyncEnabled,
            OnPremisesLastSyncDateTime = user.OnPremisesLastSyncDateTime,
            OnPremisesImmutableId = user.OnPremisesImmutableId,
            SignInSessionsValidFromDateTime = user.SignInSessionsValidFromDateTime,
            ForceChangePasswordNextSignIn = user.PasswordProfile?.ForceChangePasswordNextSignIn,
            ForceChangePasswordNextSignInWithMfa = user.PasswordProfile?.ForceChangePasswordNextSignInWithMfa,
        };

        private static DirectoryDomain ToDirectoryDomain(Domain domain) => new DirectoryDomain(domain.Id!)
        {
            AuthenticationType = domain.AuthenticationType,
            IsDefault = domain.IsDefault ?? false,
            IsInitial = domain.IsInitial ?? false,
            IsRoot = domain.IsRoot ?? false,
            IsVerified = domain.IsVerified ?? false,
            PasswordValidityPeriodInDays = domain.PasswordValidityPeriodInDays,
            PasswordNotificationWindowInDays = domain.PasswordNotificationWindowInDays,
        };

        internal static SignIns.SignInEvent ToSignInEvent(SignIn signIn) => new SignIns.SignInEvent
        {
            TimeUtc = signIn.CreatedDateTime?.ToUniversalTime() ?? DateTimeOffset.MinValue,
            UserId = signIn.UserId,
            UserPrincipalName = signIn.UserPrincipalName,
            UserDisplayName = signIn.UserDisplayName,
            AppId = signIn.AppId,
            AppDisplayName = signIn.AppDisplayName,
            IpAddress = signIn.IpAddress,
            City = signIn.Location?.City,
            State = signIn.Location?.State,
            CountryOrRegion = signIn.Location?.CountryOrRegion,
            ClientApp = signIn.ClientAppUsed,
            ErrorCode = signIn.Status?.ErrorCode ?? 0,
            FailureReason = signIn.Status?.FailureReason,
            AdditionalDetails = signIn.Status?.AdditionalDetails,
            CorrelationId = signIn.CorrelationId,
            RequestId = signIn.Id,
            ConditionalAccessStatus = signIn.ConditionalAccessStatus?.ToString(),
            IsInteractive = signIn.IsInteractive,
            LogType = signIn.IsInteractive == false ? SignIns.SignInLogType.NonInteractive : SignIns.SignInLogType.Interactive,
            Origin = "Graph",
        };

        private static RegistrationDetails ToRegistrationDetails(UserRegistrationDetails row) => new RegistrationDetails(row.Id!)
        {
            UserPrincipalName = row.UserPrincipalName,
            IsSsprRegistered = row.IsSsprRegistered ?? false,
            IsSsprEnabled = row.IsSsprEnabled ?? false,
            IsSsprCapable = row.IsSsprCapable ?? false,
            IsMfaRegistered = row.IsMfaRegistered ?? false,
            IsMfaCapable = row.IsMfaCapable ?? false,
            IsPasswordlessCapable = row.IsPasswordlessCapable ?? false,
            IsAdmin = row.IsAdmin ?? false,
            MethodsRegistered = row.MethodsRegistered?.ToArray() ?? Array.Empty<string>(),
            LastUpdatedDateTime = row.LastUpdatedDateTime,
        };
    }
}
