using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.Inputs;
using AadstsTools.Journal;
using AadstsTools.Output;
using AadstsTools.Passwords;

namespace AadstsTools.Reset
{
    /// <summary>
    /// Resets passwords a set at a time: checks each input, resolves the users in one $batch lookup,
    /// refuses what must not be reset in the cloud, asks ShouldProcess per user, journals the intent,
    /// sends the resets in $batch calls of 20, journals each outcome as it arrives, optionally revokes
    /// sessions, and writes exactly one <see cref="PasswordResetResult"/> per input, in input order.
    /// </summary>
    public sealed class ResetRunner : IDisposable
    {
        private const int ProgressId = 4301;

        private readonly IDirectoryGateway _gateway;
        private readonly ResetOptions _options;
        private readonly Func<GraphOperation, GraphFailure?> _permissionGap;
        private readonly PasswordGenerator _generator;
        private readonly Func<DateTimeOffset> _clock;
        private readonly ResetJournal? _journal;
        private IReadOnlyList<DirectoryDomain>? _domains;
        private bool _domainsUnavailable;
        private bool _plainTextWarned;
        private JournalFileException? _journalFailure;
        private int _done;

        /// <exception cref="JournalFileException">The journal can't be opened (locked by another run, malformed).</exception>
        /// <exception cref="ArgumentException">The given password breaks the rules, or the options contradict each other.</exception>
        public ResetRunner(IDirectoryGateway gateway, ResetOptions options, Func<GraphOperation, GraphFailure?>? permissionGap = null, PasswordGenerator? generator = null, Func<DateTimeOffset>? clock = null)
        {
            _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _permissionGap = permissionGap ?? (_ => null);
            _generator = generator ?? new PasswordGenerator();
            _clock = clock ?? (() => DateTimeOffset.UtcNow);

            if (options.ForceChangeOnly && options.NewPassword != null)
            {
                throw new ArgumentException("-ForceChangeOnly sets no password, so -NewPassword can't be used with it.");
            }

            if (options.ForceChangeOnly && !options.ForceChangePasswordNextSignIn)
            {
                throw new ArgumentException("-ForceChangeOnly only forces a change at the next sign-in; it can't be combined with turning that off.");
            }

            if (options.NewPassword == null && !options.ForceChangeOnly && (options.Length < PasswordPolicy.MinimumLength || options.Length > PasswordPolicy.MaximumLength))
            {
                throw new ArgumentException($"-Length must be between {PasswordPolicy.MinimumLength} and {PasswordPolicy.MaximumLength} (got {options.Length}).");
            }

            if (options.NewPassword != null)
            {
                // The rules that don't depend on the user are checked before anything reaches Graph.
                PasswordValidationResult check = PasswordPolicy.Validate(options.NewPassword, UserNameParts.None);
                if (!check.IsValid)
                {
                    throw new ArgumentException("The password given with -NewPassword can't be used: " + check);
                }
            }

            if (options.JournalPath != null)
            {
                _journal = ResetJournal.Open(options.JournalPath);
            }
        }

        /// <summary>The journal's state before this run (for messages), when there is one.</summary>
        public JournalHistory? JournalHistory => _journal?.History;

        public void Dispose() => _journal?.Dispose();

        /// <summary>Resets every input, a set at a time (<see cref="ResetOptions.SetSize"/>), writing results as each set completes.</summary>
        /// <exception cref="JournalFileException">The journal could not be written: the run stopped.</exception>
        public async Task RunAsync(IEnumerable<string?> inputs, IEngineOutput output)
        {
            foreach (IReadOnlyList<string?> set in InputSets.Split(inputs, _options.SetSize))
            {
                await ResetSetAsync(set, output).ConfigureAwait(false);
            }
        }

        /// <summary>Resets one set of inputs; every input gets one result.</summary>
        /// <exception cref="JournalFileException">The journal could not be written: the run must stop (after this set's results).</exception>
        public async Task ResetSetAsync(IReadOnlyList<string?> inputs, IEngineOutput output)
        {
            if (_journalFailure != null)
            {
                throw _journalFailure;
            }

            CancellationToken cancel = output.CancellationToken;
            var items = inputs.Select((input, index) => new Item(index, input ?? string.Empty)).ToList();
            WarnOnceAboutPlainText(output);

            Prepare(items, output);
            await ResolveAsync(items, cancel).ConfigureAwait(false);
            await RefuseAsync(items, output, cancel).ConfigureAwait(false);
            ChoosePasswords(items);
            Confirm(items, output);
            try
            {
                await SendAsync(items, output, cancel).ConfigureAwait(false);
            }
            finally
            {
                foreach (Item item in items)
                {
                    item.ClearPassword();
                }
            }

            foreach (Item item in items)
            {
                if (item.Error != null)
                {
                    output.WriteError(item.Error);
                }

                output.WriteObject(item.Result!);
            }

            _done += items.Count;
            output.WriteProgress(new ProgressUpdate(ProgressId, "Resetting passwords", $"{_done} user(s) processed"));
            if (_journalFailure != null)
            {
                throw _journalFailure;
            }
        }

        /// <summary>Inputs that are not users, and users the journal says are done or unknown.</summary>
        private void Prepare(List<Item> items, IEngineOutput output)
        {
            foreach (Item item in items)
            {
                if (!UserKey.TryParse(item.Input, out UserKey? key, out string? problem))
                {
                    Fail(item, "InvalidUser", ErrorKind.InvalidArgument, problem!);
                    continue;
                }

                item.Key = key;
                JournalDecision(item, output);
            }

            GraphFailure? gap = _permissionGap(GraphOperation.ResetPassword) ?? _permissionGap(GraphOperation.ReadUsers);
            if (gap != null)
            {
                foreach (Item item in items.Where(i => i.Open))
                {
                    FailFromGraph(item, gap);
                }
            }
        }

        private async Task ResolveAsync(List<Item> items, CancellationToken cancel)
        {
            var keys = items.Where(i => i.Open).Select(i => i.Key!).Distinct().ToList();
            if (keys.Count == 0)
            {
                return;
            }

            IReadOnlyDictionary<UserKey, GraphResult<DirectoryUser>> users = await _gateway.GetUsersAsync(keys, cancel).ConfigureAwait(false);

            var seen = new Dictionary<string, Item>(StringComparer.OrdinalIgnoreCase);
            foreach (Item item in items.Where(i => i.Open))
            {
                if (!users.TryGetValue(item.Key!, out GraphResult<DirectoryUser>? found) || found.Value == null)
                {
                    FailFromGraph(item, found?.Failure ?? new GraphFailure(GraphFailureKind.Other, "Graph returned no answer for this user."));
                    continue;
                }

                item.User = found.Value;
                if (seen.TryGetValue(item.User.Id, out Item? first))
                {
                    Skip(item, "Duplicate", $"Same user as input {first.Index + 1} ('{first.Input}') in this run; reset once.");
                    continue;
                }

                seen[item.User.Id] = item;
            }
        }

        /// <summary>Users whose password can't or shouldn't be set in the cloud are refused before any write.</summary>
        private async Task RefuseAsync(List<Item> items, IEngineOutput output, CancellationToken cancel)
        {
            var open = items.Where(i => i.Open).ToList();
            if (open.Count == 0)
            {
                return;
            }

            if (_journal != null)
            {
                // The same user may be in the journal under another key (UPN one time, id the next).
                foreach (Item item in open)
                {
                    JournalDecision(item, output);
                }
            }

            IReadOnlyList<DirectoryDomain>? domains = await DomainsAsync(output, cancel).ConfigureAwait(false);
            foreach (Item item in items.Where(i => i.Open))
            {
                DirectoryUser user = item.User!;
                if (string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase))
                {
                    Skip(item, "Guest", "A guest's password belongs to their home organisation (or personal account); reset it there.");
                    output.WriteWarning($"Skipped {user.UserPrincipalName}: guest account.");
                    continue;
                }

                DirectoryDomain? domain = domains == null ? null : Readiness.Checks.DomainPolicy.Resolve(domains, user.UpnDomain);
                if (domain != null && domain.IsFederated)
                {
                    Skip(item, "Federated", $"'{domain.Id}' is federated: the password lives in on-premises AD. Reset it there (Set-ADAccountPassword), or have the user use SSPR with password writeback.");
                    output.WriteWarning($"Skipped {user.UserPrincipalName}: federated domain '{domain.Id}', reset on-premises instead.");
                    continue;
                }

                if (user.OnPremisesSyncEnabled == true)
                {
                    output.WriteWarning($"{user.UserPrincipalName} is synced from on-premises AD: the cloud password set now is replaced at the next on-premises password change (and a cloud reset reaches AD only through password writeback).");
                }
            }
        }

        private void ChoosePasswords(List<Item> items)
        {
            foreach (Item item in items.Where(i => i.Open))
            {
                if (_options.ForceChangeOnly)
                {
                    continue;
                }

                DirectoryUser user = item.User!;
                UserNameParts names = UserNameParts.FromUser(user.UserPrincipalName, user.DisplayName, user.GivenName, user.Surname);
                if (_options.NewPassword != null)
                {
                    PasswordValidationResult check = PasswordPolicy.Validate(_options.NewPassword, names);
                    if (!check.IsValid)
                    {
                        Fail(item, "PasswordRejected", ErrorKind.InvalidData, $"The given password can't be used for {user.UserPrincipalName}: {check}");
                        continue;
                    }

                    item.Password = SecureStringChars.ToChars(_options.NewPassword);
                }
                else
                {
                    item.Password = _generator.GenerateChars(_options.Length, _options.AvoidLookAlikes, names);
                }
            }
        }

        /// <summary>ShouldProcess for every user still open; -WhatIf answers no and nothing is written.</summary>
        private void Confirm(List<Item> items, IEngineOutput output)
        {
            string action = Describe();
            foreach (Item item in items.Where(i => i.Open))
            {
                if (!output.ShouldProcess(item.User!.UserPrincipalName, action))
                {
                    item.ClearPassword();
                    item.Result = new PasswordResetResult(item.Input, ResetStatus.WhatIf, _clock())
                    {
                        UserPrincipalName = item.User.UserPrincipalName,
                        UserId = item.User.Id,
                        ForceChangePasswordNextSignIn = _options.ForceChangePasswordNextSignIn,
                        ForceChangePasswordNextSignInWithMfa = _options.RequireMfaBeforeChange,
                        Message = "Not reset: " + action + ".",
                    };
                }
            }
        }

        private async Task SendAsync(List<Item> items, IEngineOutput output, CancellationToken cancel)
        {
            var open = items.Where(i => i.Open).ToList();
            if (open.Count == 0)
            {
                return;
            }

            if (_journal != null && !Journal(() => _journal.Append(open.Select(i => JournalEntry.Intended(i.Input, i.User!.Id)))))
            {
                foreach (Item item in open)
                {
                    Fail(item, "JournalWriteFailed", ErrorKind.WriteError, $"Not reset: the journal '{_journal.File}' could not be written, and a reset that isn't journaled could be repeated by a resumed run.");
                }

                return;
            }

            var byUserId = open.ToDictionary(i => i.User!.Id, StringComparer.OrdinalIgnoreCase);
            var writes = open.Select(i => new PasswordWrite(i.User!.Id, i.Password, _options.ForceChangePasswordNextSignIn, _options.RequireMfaBeforeChange)).ToList();
            output.WriteVerbose($"Sending {writes.Count} password reset(s) in $batch calls of up to {BatchRunner.MaxBatchSize}.");
            await _gateway.ResetPasswordsAsync(writes, cancel, result =>
            {
                Item item = byUserId[result.UserId];
                item.WriteResult = result;
                if (_journal != null)
                {
                    Journal(() => _journal.Append(result.Succeeded
                        ? JournalEntry.Done(item.Input, item.User!.Id, _options.ForceChangePasswordNextSignIn, _options.RequireMfaBeforeChange, sessionsRevoked: false, result.RequestId)
                        : JournalEntry.Failed(item.Input, item.User!.Id, GraphFailure.ToErrorKind(result.Failure!.Kind), result.Failure.Message, result.Failure.RequestId ?? result.RequestId)));
                }

                return Task.CompletedTask;
            }).ConfigureAwait(false);

            var reset = open.Where(i => i.WriteResult?.Succeeded == true).ToList();
            IReadOnlyDictionary<string, GraphFailure?> revoked = new Dictionary<string, GraphFailure?>();
            if (_options.RevokeSessions && reset.Count > 0)
            {
                GraphFailure? gap = _permissionGap(GraphOperation.RevokeSessions);
                revoked = gap != null
                    ? reset.ToDictionary(i => i.User!.Id, _ => (GraphFailure?)gap, StringComparer.OrdinalIgnoreCase)
                    : await _gateway.RevokeSessionsAsync(reset.Select(i => i.User!.Id).ToList(), cancel).ConfigureAwait(false);
                if (_journal != null)
                {
                    Journal(() => _journal.Append(reset.Where(i => revoked.TryGetValue(i.User!.Id, out GraphFailure? f) && f == null)
                        .Select(i => JournalEntry.Done(i.Input, i.User!.Id, _options.ForceChangePasswordNextSignIn, _options.RequireMfaBeforeChange, sessionsRevoked: true, i.WriteResult!.RequestId))));
                }
            }

            foreach (Item item in open)
            {
                PasswordWriteResult? write = item.WriteResult;
                if (write == null)
                {
                    Fail(item, "NoAnswer", ErrorKind.OperationStopped, "The reset was not confirmed before the run stopped.");
                    continue;
                }

                if (!write.Succeeded)
                {
                    FailFromGraph(item, write.Failure!);
                    continue;
                }

                bool? sessionsRevoked = null;
                if (_options.RevokeSessions)
                {
                    revoked.TryGetValue(item.User!.Id, out GraphFailure? revokeFailure);
                    sessionsRevoked = revokeFailure == null && revoked.ContainsKey(item.User.Id);
                    if (revokeFailure != null)
                    {
                        item.Error = new EngineError("RevokeSessionsFailed", GraphFailure.ToErrorKind(revokeFailure.Kind),
                            $"The password of {item.User.UserPrincipalName} was reset, but its sessions were not revoked: {revokeFailure}", item.Input)
                        {
                            RecommendedAction = revokeFailure.RecommendedAction,
                        };
                    }
                }

                item.Result = new PasswordResetResult(item.Input, ResetStatus.Reset, _clock())
                {
                    UserPrincipalName = item.User!.UserPrincipalName,
                    UserId = item.User.Id,
                    Password = item.Password == null ? null : SecureStringChars.ToSecureString(item.Password),
                    PlainTextPassword = item.Password != null && _options.AsPlainText ? new string(item.Password) : null,
                    ForceChangePasswordNextSignIn = _options.ForceChangePasswordNextSignIn,
                    ForceChangePasswordNextSignInWithMfa = _options.RequireMfaBeforeChange,
                    SessionsRevoked = sessionsRevoked,
                    RequestId = write.RequestId,
                    Message = item.Password == null ? "A password change is forced at the next sign-in; the password itself is unchanged." : null,
                };
            }
        }

        private void JournalDecision(Item item, IEngineOutput output)
        {
            if (_journal == null || !item.Open)
            {
                return;
            }

            JournalEntry? last = _journal.LastEntry(item.Input, item.User?.Id);
            switch (_journal.Lookup(item.Input, item.User?.Id))
            {
                case JournalUserState.Done:
                    Skip(item, "AlreadyDone", $"Already reset: the journal records it at {Time(last)} (run {last?.RunId}).");
                    break;
                case JournalUserState.Unknown when !_options.ResetUnknown:
                    Skip(item, "OutcomeUnknown", $"Outcome unknown: a run sent this reset at {Time(last)} and stopped before Graph answered. Check the user's last password change; add -ResetUnknown to reset again.");
                    output.WriteWarning($"{item.Input}: reset outcome unknown (run {last?.RunId} stopped after sending); not reset again without -ResetUnknown.");
                    break;
            }
        }

        private async Task<IReadOnlyList<DirectoryDomain>?> DomainsAsync(IEngineOutput output, CancellationToken cancel)
        {
            if (_domains != null || _domainsUnavailable)
            {
                return _domains;
            }

            try
            {
                _domains = await _gateway.GetDomainsAsync(cancel).ConfigureAwait(false);
            }
            catch (GraphException ex)
            {
                _domainsUnavailable = true;
                output.WriteWarning($"Could not read the tenant's domains, so federated users can't be refused up front (Graph will reject them itself): {ex.Failure}");
            }

            return _domains;
        }

        private bool Journal(Action write)
        {
            try
            {
                write();
                return true;
            }
            catch (JournalFileException ex)
            {
                _journalFailure ??= ex;
                return false;
            }
        }

        private void WarnOnceAboutPlainText(IEngineOutput output)
        {
            if (_options.AsPlainText && !_plainTextWarned && !_options.ForceChangeOnly)
            {
                _plainTextWarned = true;
                output.WriteWarning("-AsPlainText puts the new passwords on the results in plain text: transcripts, logs and variables will hold them. Hand them over and clear them.");
            }
        }

        private string Describe()
        {
            var parts = new List<string> { _options.ForceChangeOnly ? "Force a password change at next sign-in" : "Reset password" };
            if (!_options.ForceChangeOnly)
            {
                parts.Add(_options.ForceChangePasswordNextSignIn ? "must change at next sign-in" : "no forced change");
            }

            if (_options.RequireMfaBeforeChange)
            {
                parts.Add("MFA before the change");
            }

            if (_options.RevokeSessions)
            {
                parts.Add("revoke sessions");
            }

            return string.Join(", ", parts);
        }

        private void Fail(Item item, string errorId, ErrorKind kind, string message)
        {
            item.Error = new EngineError(errorId, kind, message, item.Input);
            item.Result = new PasswordResetResult(item.Input, ResetStatus.Failed, _clock())
            {
                UserPrincipalName = item.User?.UserPrincipalName,
                UserId = item.User?.Id,
                ErrorKind = kind.ToString(),
                Message = message,
            };
        }

        private void FailFromGraph(Item item, GraphFailure failure)
        {
            EngineError error = failure.ToEngineError("ResetFailed", item.Input);
            item.Error = error;
            item.Result = new PasswordResetResult(item.Input, ResetStatus.Failed, _clock())
            {
                UserPrincipalName = item.User?.UserPrincipalName,
                UserId = item.User?.Id,
                ErrorKind = error.Kind.ToString(),
                Message = failure.ToString(),
                RequestId = failure.RequestId,
            };
        }

        private void Skip(Item item, string reason, string message) =>
            item.Result = new PasswordResetResult(item.Input, ResetStatus.Skipped, _clock())
            {
                UserPrincipalName = item.User?.UserPrincipalName,
                UserId = item.User?.Id,
                ErrorKind = reason,
                Message = message,
            };

        private static string Time(JournalEntry? entry) => entry == null ? "an unknown time" : entry.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

        private sealed class Item
        {
            public Item(int index, string input)
            {
                Index = index;
                Input = input;
            }

            public int Index { get; }

            public string Input { get; }

            public UserKey? Key { get; set; }

            public DirectoryUser? User { get; set; }

            /// <summary>The password to send; cleared as soon as the set is done.</summary>
            public char[]? Password { get; set; }

            public PasswordWriteResult? WriteResult { get; set; }

            public PasswordResetResult? Result { get; set; }

            public EngineError? Error { get; set; }

            /// <summary>Still to be decided.</summary>
            public bool Open => Result == null;

            public void ClearPassword()
            {
                if (Password != null)
                {
                    Array.Clear(Password, 0, Password.Length);
                    Password = null;
                }
            }
        }
    }
}
