using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Catalog;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.Inputs;
using AadstsTools.Lookup;
using AadstsTools.Output;
using AadstsTools.Readiness.Checks;
using AadstsTools.SignIns;

namespace AadstsTools.Readiness
{
    /// <summary>
    /// Checks users in sets: one $batch lookup of the users per set, the domains once, and the reporting
    /// APIs (5 calls per 10 s) read per user only for a handful of users, otherwise once per run for
    /// everybody. Every input gets exactly one <see cref="SignInReadiness"/>, in input order per set.
    /// </summary>
    public sealed class ReadinessRunner
    {
        private const int ProgressId = 4201;

        private readonly IDirectoryGateway _gateway;
        private readonly Func<GraphOperation, GraphFailure?> _permissionGap;
        private readonly ReadinessOptions _options;
        private readonly IReadOnlyList<IReadinessRule> _rules;
        private readonly GuidanceService _guidance;
        private readonly EvidenceNeeds _needs;

        // Run-wide answers, read once for every set that needs them.
        private Evidence<IReadOnlyList<DirectoryDomain>>? _domains;
        private Evidence<Dictionary<string, RegistrationDetails>>? _tenantRegistration;
        private Evidence<Dictionary<string, List<SignInEvent>>>? _bulkSignIns;
        private bool _registrationUnlicensed;
        private int _checked;

        public ReadinessRunner(IDirectoryGateway gateway, GuidanceCatalog catalog, ReadinessOptions? options = null, Func<GraphOperation, GraphFailure?>? permissionGap = null)
        {
            _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            _options = options ?? new ReadinessOptions();
            _permissionGap = permissionGap ?? (_ => null);
            _rules = ReadinessRules.Select(catalog, _options.Checks);
            _guidance = new GuidanceService(catalog);
            _needs = _rules.Aggregate(EvidenceNeeds.User, (all, rule) => all | rule.Needs);
        }

        /// <summary>Users checked so far in this run.</summary>
        public int Checked => _checked;

        /// <summary>Checks every input, set by set, writing results as each set completes.</summary>
        public async Task RunAsync(IEnumerable<string?> inputs, IEngineOutput output)
        {
            foreach (IReadOnlyList<string?> set in InputSets.Split(inputs, _options.SetSize))
            {
                await CheckSetAsync(set, output).ConfigureAwait(false);
            }

            output.WriteProgress(new ProgressUpdate(ProgressId, "Checking sign-in readiness", $"{_checked} user(s) checked") { Completed = true });
        }

        /// <summary>Checks one set of inputs (user ids or UPNs, possibly malformed); writes one result per input.</summary>
        public async Task CheckSetAsync(IReadOnlyList<string?> inputs, IEngineOutput output)
        {
            CancellationToken cancel = output.CancellationToken;
            DateTimeOffset now = _options.Clock();
            DateTimeOffset since = _options.WindowStart(now);
            var evidence = inputs.Select(input => Parse(input, now, since)).ToList();

            Progress(output, $"Reading {inputs.Count} user(s)");
            await ReadUsersAsync(evidence, output, cancel).ConfigureAwait(false);
            var found = evidence.Where(e => e.User != null).ToList();

            if (found.Count > 0 && (_needs & EvidenceNeeds.Domains) != 0)
            {
                _domains ??= await ReadDomainsAsync(cancel).ConfigureAwait(false);
                found.ForEach(e => e.Domains = _domains);
            }

            bool perUser = found.Count <= _options.PerUserReportLimit && _tenantRegistration == null && _bulkSignIns == null;
            if (found.Count > 0 && (_needs & EvidenceNeeds.Registration) != 0)
            {
                Progress(output, "Reading the authentication methods registration report");
                await ReadRegistrationAsync(found, perUser, output, cancel).ConfigureAwait(false);
            }

            if (found.Count > 0 && (_needs & EvidenceNeeds.SignIns) != 0)
            {
                Progress(output, "Reading the sign-in log");
                await ReadSignInsAsync(found, perUser, since, output, cancel).ConfigureAwait(false);
            }

            foreach (UserEvidence item in evidence)
            {
                cancel.ThrowIfCancellationRequested();
                output.WriteObject(Judge(item, now));
                _checked++;
            }

            Progress(output, $"{_checked} user(s) checked");
        }

        private SignInReadiness Judge(UserEvidence evidence, DateTimeOffset now)
        {
            var checks = _rules.Select(rule =>
            {
                try
                {
                    return rule.Evaluate(evidence);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    // A bug in one check must not cost the others (nor the other users).
                    return new ReadinessCheckResult(rule.Check, CheckStatus.Error, $"The check failed unexpectedly: {ex.Message}");
                }
            }).ToList();

            return new SignInReadiness(evidence.Input, checks, now)
            {
                UserPrincipalName = evidence.User?.UserPrincipalName,
                UserId = evidence.User?.Id,
                DisplayName = evidence.User?.DisplayName,
                Guidance = SignInReadiness.Predicted(checks).Select(code => _guidance.ForCode(code, "Readiness")).ToList(),
            };
        }

        private UserEvidence Parse(string? input, DateTimeOffset now, DateTimeOffset since)
        {
            string text = input ?? string.Empty;
            return UserKey.TryParse(text, out UserKey? key, out string? problem)
                ? new UserEvidence(text, now, since) { Key = key, StaleSyncAfter = _options.StaleSyncAfter }
                : new UserEvidence(text, now, since) { InputProblem = problem, StaleSyncAfter = _options.StaleSyncAfter };
        }

        private async Task ReadUsersAsync(List<UserEvidence> evidence, IEngineOutput output, CancellationToken cancel)
        {
            var keys = evidence.Where(e => e.Key != null).Select(e => e.Key!).Distinct().ToList();
            if (keys.Count == 0)
            {
                return;
            }

            GraphFailure? gap = _permissionGap(GraphOperation.ReadUsers);
            if (gap != null)
            {
                evidence.Where(e => e.Key != null).ToList().ForEach(e => e.UserFailure = gap);
                return;
            }

            IReadOnlyDictionary<UserKey, GraphResult<DirectoryUser>> users = await _gateway.GetUsersAsync(keys, cancel).ConfigureAwait(false);
            foreach (UserEvidence item in evidence.Where(e => e.Key != null))
            {
                if (users.TryGetValue(item.Key!, out GraphResult<DirectoryUser>? result))
                {
                    item.User = result.Value;
                    item.UserFailure = result.Failure;
                }
                else
                {
                    item.UserFailure = new GraphFailure(GraphFailureKind.Other, "Graph returned no answer for this user.");
                }
            }

            output.WriteVerbose($"Read {users.Count(u => u.Value.Succeeded)} of {keys.Count} user(s) ({_gateway.Traffic}).");
        }

        private async Task<Evidence<IReadOnlyList<DirectoryDomain>>> ReadDomainsAsync(CancellationToken cancel)
        {
            GraphFailure? gap = _permissionGap(GraphOperation.ReadDomains);
            if (gap != null)
            {
                return Evidence<IReadOnlyList<DirectoryDomain>>.Failed(gap);
            }

            try
            {
                return Evidence<IReadOnlyList<DirectoryDomain>>.Of(await _gateway.GetDomainsAsync(cancel).ConfigureAwait(false));
            }
            catch (GraphException ex)
            {
                return Evidence<IReadOnlyList<DirectoryDomain>>.Failed(ex.Failure);
            }
        }

        private async Task ReadRegistrationAsync(List<UserEvidence> users, bool perUser, IEngineOutput output, CancellationToken cancel)
        {
            GraphFailure? gap = _permissionGap(GraphOperation.ReadRegistrationDetails);
            if (gap != null)
            {
                users.ForEach(u => u.Registration = Evidence<RegistrationDetails?>.Failed(gap));
                return;
            }

            if (perUser && !_registrationUnlicensed)
            {
                foreach (UserEvidence user in users)
                {
                    try
                    {
                        user.Registration = Evidence<RegistrationDetails?>.Of(await _gateway.GetRegistrationDetailsAsync(user.User!.Id, cancel).ConfigureAwait(false));
                    }
                    catch (GraphException ex)
                    {
                        user.Registration = Evidence<RegistrationDetails?>.Failed(ex.Failure);
                        if (ex.Failure.Kind == GraphFailureKind.LicenseMissing || ex.Failure.Kind == GraphFailureKind.PermissionMissing)
                        {
                            // The same answer awaits every other user: don't ask again.
                            _registrationUnlicensed = ex.Failure.Kind == GraphFailureKind.LicenseMissing;
                            users.Where(u => !u.Registration.Collected && u.Registration.Failure == null).ToList().ForEach(u => u.Registration = Evidence<RegistrationDetails?>.Failed(ex.Failure));
                            break;
                        }
                    }
                }

                if (_registrationUnlicensed)
                {
                    await ReadMethodsAsync(users, output, cancel).ConfigureAwait(false);
                }

                return;
            }

            if (_tenantRegistration == null)
            {
                try
                {
                    var rows = new Dictionary<string, RegistrationDetails>(StringComparer.OrdinalIgnoreCase);
                    await foreach (RegistrationDetails row in _gateway.ListRegistrationDetailsAsync(cancel).ConfigureAwait(false))
                    {
                        rows[row.UserId] = row;
                    }

                    _tenantRegistration = Evidence<Dictionary<string, RegistrationDetails>>.Of(rows);
                    output.WriteVerbose($"Read the registration report: {rows.Count} row(s).");
                }
                catch (GraphException ex)
                {
                    _tenantRegistration = Evidence<Dictionary<string, RegistrationDetails>>.Failed(ex.Failure);
                }
            }

            foreach (UserEvidence user in users)
            {
                user.Registration = _tenantRegistration.Collected
                    ? Evidence<RegistrationDetails?>.Of(_tenantRegistration.Value.TryGetValue(user.User!.Id, out RegistrationDetails? row) ? row : null)
                    : Evidence<RegistrationDetails?>.Failed(_tenantRegistration.Failure!);
            }
        }

        /// <summary>Without a P1 licence the report is closed; for a few users their methods tell enough.</summary>
        private async Task ReadMethodsAsync(List<UserEvidence> users, IEngineOutput output, CancellationToken cancel)
        {
            GraphFailure? gap = _permissionGap(GraphOperation.ReadAuthenticationMethods);
            if (gap != null)
            {
                return;
            }

            output.WriteVerbose("The registration report needs Entra ID P1/P2; reading each user's authentication methods instead.");
            foreach (UserEvidence user in users)
            {
                try
                {
                    user.Methods = Evidence<IReadOnlyList<AuthenticationMethodInfo>>.Of(await _gateway.GetAuthenticationMethodsAsync(user.User!.Id, cancel).ConfigureAwait(false));
                }
                catch (GraphException ex)
                {
                    user.Methods = Evidence<IReadOnlyList<AuthenticationMethodInfo>>.Failed(ex.Failure);
                }
            }
        }

        private async Task ReadSignInsAsync(List<UserEvidence> users, bool perUser, DateTimeOffset since, IEngineOutput output, CancellationToken cancel)
        {
            GraphFailure? gap = _permissionGap(GraphOperation.ReadSignIns);
            if (gap != null)
            {
                users.ForEach(u => u.SignIns = Evidence<IReadOnlyList<SignInEvent>>.Failed(gap));
                return;
            }

            if (perUser)
            {
                GraphFailure? shared = null;
                foreach (UserEvidence user in users)
                {
                    if (shared != null)
                    {
                        user.SignIns = Evidence<IReadOnlyList<SignInEvent>>.Failed(shared);
                        continue;
                    }

                    try
                    {
                        var events = new List<SignInEvent>();
                        await foreach (SignInEvent item in _gateway.GetSignInsAsync(new SignInQuery(since) { UserId = user.User!.Id }, cancel).ConfigureAwait(false))
                        {
                            events.Add(item);
                        }

                        user.SignIns = Evidence<IReadOnlyList<SignInEvent>>.Of(events);
                    }
                    catch (GraphException ex)
                    {
                        user.SignIns = Evidence<IReadOnlyList<SignInEvent>>.Failed(ex.Failure);
                        if (ex.Failure.Kind == GraphFailureKind.LicenseMissing || ex.Failure.Kind == GraphFailureKind.PermissionMissing)
                        {
                            shared = ex.Failure;
                        }
                    }
                }

                return;
            }

            if (_bulkSignIns == null)
            {
                try
                {
                    var byUser = new Dictionary<string, List<SignInEvent>>(StringComparer.OrdinalIgnoreCase);
                    foreach (int code in _options.BulkSignInCodes)
                    {
                        Progress(output, $"Reading the sign-in log for AADSTS{code.ToString(CultureInfo.InvariantCulture)}");
                        await foreach (SignInEvent item in _gateway.GetSignInsAsync(new SignInQuery(since) { ErrorCode = code }, cancel).ConfigureAwait(false))
                        {
                            if (item.UserId == null)
                            {
                                continue;
                            }

                            if (!byUser.TryGetValue(item.UserId, out List<SignInEvent>? list))
                            {
                                byUser[item.UserId] = list = new List<SignInEvent>();
                            }

                            list.Add(item);
                        }
                    }

                    _bulkSignIns = Evidence<Dictionary<string, List<SignInEvent>>>.Of(byUser);
                }
                catch (GraphException ex)
                {
                    _bulkSignIns = Evidence<Dictionary<string, List<SignInEvent>>>.Failed(ex.Failure);
                }
            }

            foreach (UserEvidence user in users)
            {
                if (_bulkSignIns.Collected)
                {
                    user.SignIns = Evidence<IReadOnlyList<SignInEvent>>.Of(_bulkSignIns.Value.TryGetValue(user.User!.Id, out List<SignInEvent>? list)
                        ? list.OrderByDescending(e => e.TimeUtc).ToList()
                        : new List<SignInEvent>());
                    user.SignInCodesOnly = _options.BulkSignInCodes;
                }
                else
                {
                    user.SignIns = Evidence<IReadOnlyList<SignInEvent>>.Failed(_bulkSignIns.Failure!);
                }
            }
        }

        private void Progress(IEngineOutput output, string status) =>
            output.WriteProgress(new ProgressUpdate(ProgressId, "Checking sign-in readiness", status) { CurrentOperation = $"{_checked} user(s) checked" });
    }
}
