using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AadstsTools.Lookup;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>
    /// Turns sign-in events from any source (a downloaded file, Microsoft Graph) into answers: each failure
    /// as an <see cref="SignInFailure"/> with its guidance, written as it arrives, or with
    /// <see cref="SignInTriageOptions.Summary"/> one <see cref="SignInFailureSummary"/> per code, user, app or
    /// address, most impact first, with the patterns found. Feed it with <see cref="Add"/> (from a sync or an
    /// async source alike), then call <see cref="Complete"/> once. Memory is bounded: nothing is kept per
    /// failure, summaries keep counters and capped sets.
    /// </summary>
    public sealed class SignInTriage
    {
        private const int MaxUnknownCodesNamed = 10;

        private readonly GuidanceService _guidance;
        private readonly IEngineOutput _output;
        private readonly Dictionary<int, Guidance> _guidanceByCode = new Dictionary<int, Guidance>();
        private readonly SortedSet<int> _unknownCodes = new SortedSet<int>();
        private readonly HashSet<int>? _codes;
        private readonly HashSet<string>? _users;
        private readonly HashSet<string>? _apps;
        private readonly Dictionary<string, GroupStats> _groups = new Dictionary<string, GroupStats>(StringComparer.OrdinalIgnoreCase);
        private readonly PatternDetector? _patterns;
        private readonly SignInTriageResult _result = new SignInTriageResult();
        private bool _completed;

        public SignInTriage(GuidanceService guidance, SignInTriageOptions? options, IEngineOutput output)
        {
            _guidance = guidance ?? throw new ArgumentNullException(nameof(guidance));
            _output = output ?? throw new ArgumentNullException(nameof(output));
            Options = options ?? new SignInTriageOptions();
            _codes = Options.ErrorCodes is { Count: > 0 } codes ? new HashSet<int>(codes) : null;
            _users = Set(Options.UserIds);
            _apps = Set(Options.AppIds);
            if (Options.Summary)
            {
                _patterns = new PatternDetector(Options.Patterns, Options.DistinctCap, Options.MaxGroups);
            }
        }

        public SignInTriageOptions Options { get; }

        /// <summary>"AADSTS50126", or "Success" for 0: the key of a code's summary row.</summary>
        public static string CodeKey(int code) => code == 0 ? "Success" : "AADSTS" + code.ToString(CultureInfo.InvariantCulture);

        /// <summary>Takes one sign-in: filters it, then writes it as a failure or counts it for the summary.</summary>
        public void Add(SignInEvent signIn)
        {
            if (signIn == null)
            {
                throw new ArgumentNullException(nameof(signIn));
            }

            if (_completed)
            {
                throw new InvalidOperationException("This triage is complete; start a new one.");
            }

            _result.Seen++;
            if ((Options.Since.HasValue && signIn.TimeUtc < Options.Since.Value) || (Options.Until.HasValue && signIn.TimeUtc > Options.Until.Value))
            {
                _result.OutsideWindow++;
                return;
            }

            _patterns?.ObserveWindow(signIn);
            if (!Matches(signIn))
            {
                _result.FilteredOut++;
                return;
            }

            Guidance? guidance = null;
            if (signIn.Succeeded)
            {
                if (!Options.IncludeSuccess)
                {
                    _result.SuccessesLeftOut++;
                    return;
                }
            }
            else
            {
                guidance = GuidanceFor(signIn.ErrorCode);
                if (guidance.Benign && !Options.IncludeBenign)
                {
                    _result.BenignLeftOut++;
                    return;
                }
            }

            _result.Kept++;
            if (_patterns == null)
            {
                _output.WriteObject(new SignInFailure(signIn, guidance));
                return;
            }

            _patterns.Add(signIn);
            GroupOf(signIn).Add(signIn);
        }

        /// <summary>Takes every sign-in of a source, stopping when the output's cancellation is signalled.</summary>
        public void AddRange(IEnumerable<SignInEvent> signIns)
        {
            foreach (SignInEvent signIn in signIns ?? throw new ArgumentNullException(nameof(signIns)))
            {
                _output.CancellationToken.ThrowIfCancellationRequested();
                Add(signIn);
            }
        }

        /// <summary>Ends the run: writes the summary rows (with -Summary), a warning for codes the catalog lacks, and the totals as verbose text.</summary>
        public SignInTriageResult Complete()
        {
            if (_completed)
            {
                return _result;
            }

            _completed = true;
            if (_patterns != null)
            {
                WriteSummaries(_patterns);
            }

            if (_unknownCodes.Count > 0)
            {
                string named = string.Join(", ", _unknownCodes.Take(MaxUnknownCodesNamed).Select(CodeKey));
                string more = _unknownCodes.Count > MaxUnknownCodesNamed ? $" and {_unknownCodes.Count - MaxUnknownCodesNamed} more" : string.Empty;
                _output.WriteWarning($"Not in the AadstsTools catalog: {named}{more}. Microsoft's lookup page may know them: https://login.microsoftonline.com/error?code=<code>");
            }

            _output.WriteVerbose(
                $"{N(_result.Seen)} sign-ins: {N(_result.Kept)} reported; left out: {N(_result.SuccessesLeftOut)} successful (-IncludeSuccess), "
                + $"{N(_result.BenignLeftOut)} expected interrupts (-IncludeBenign), {N(_result.OutsideWindow)} outside the time window, {N(_result.FilteredOut)} of other codes, users or apps.");
            return _result;
        }

        private void WriteSummaries(PatternDetector patterns)
        {
            IReadOnlyList<SignInPatternFlag> flags = patterns.Detect();
            var attached = new HashSet<SignInPatternFlag>();
            var rows = new List<SignInFailureSummary>(_groups.Count);
            foreach (var pair in _groups)
            {
                SignInFailureSummary row = Summarise(pair.Key, pair.Value);
                var rowFlags = FlagsFor(row, flags, patterns);
                attached.UnionWith(rowFlags);
                row.Flags = rowFlags;
                rows.Add(row);
            }

            // Impact: how many people it hits, then how often.
            rows = rows.OrderByDescending(r => r.DistinctUsers).ThenByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (SignInFailureSummary row in rows)
            {
                _output.WriteObject(row);
            }

            foreach (SignInPatternFlag flag in flags.Where(f => !attached.Contains(f)))
            {
                _output.WriteVerbose($"Also found ({flag.Kind}, see -GroupBy {flag.SubjectKind}): {flag.Reason}");
            }

            _result.Summaries = rows;
            _result.Flags = flags;
        }

        private SignInFailureSummary Summarise(string key, GroupStats stats)
        {
            int top = Options.TopCount;
            var row = new SignInFailureSummary(Options.GroupBy, key)
            {
                Count = stats.Count,
                DistinctUsers = stats.Users.Distinct,
                DistinctApps = stats.Apps.Distinct,
                DistinctIps = stats.Ips.Distinct,
                DistinctCountsCapped = stats.Users.Capped || stats.Apps.Capped || stats.Ips.Capped,
                FirstSeenUtc = stats.First.UtcDateTime,
                LastSeenUtc = stats.Last.UtcDateTime,
                TopUsers = stats.Users.TopText(top),
                TopApps = stats.Apps.TopText(top),
                TopIps = stats.Ips.TopText(top),
                TopCodes = Options.GroupBy == SignInGroupBy.Code ? Array.Empty<string>() : stats.Codes.TopText(top),
            };
            string? topCode = stats.Codes.Top(1).Select(p => p.Key).FirstOrDefault();
            if (topCode != null && topCode.StartsWith("AADSTS", StringComparison.Ordinal))
            {
                int code = int.Parse(topCode.Substring(6), CultureInfo.InvariantCulture);
                Guidance guidance = GuidanceFor(code);
                row.Code = code;
                row.Guidance = guidance;
                row.Title = guidance.Name ?? guidance.Title;
                row.Category = guidance.CategoryName;
                row.GuidanceSummary = guidance.Summary;
                row.FixCommand = SignInFailure.FixCommandOf(guidance);
            }
            else if (topCode != null)
            {
                row.Code = 0;
                row.Title = "Success";
            }

            return row;
        }

        private IReadOnlyList<SignInPatternFlag> FlagsFor(SignInFailureSummary row, IReadOnlyList<SignInPatternFlag> flags, PatternDetector patterns)
        {
            switch (Options.GroupBy)
            {
                case SignInGroupBy.Code:
                    return flags.Where(f => f.SubjectKind == SignInGroupBy.Code ? f.Subject == row.Key : f.Code == row.Code).ToList();
                case SignInGroupBy.IP:
                case SignInGroupBy.App:
                    return flags.Where(f => f.SubjectKind == Options.GroupBy && string.Equals(f.Subject, row.Key, StringComparison.OrdinalIgnoreCase)).ToList();
                default:
                    SignInPatternFlag? lockout = patterns.LockoutFlagFor(row.Key);
                    return lockout == null ? Array.Empty<SignInPatternFlag>() : new[] { lockout };
            }
        }

        private GroupStats GroupOf(SignInEvent signIn)
        {
            string key = Options.GroupBy switch
            {
                SignInGroupBy.User => signIn.Principal ?? "(unknown user)",
                SignInGroupBy.App => signIn.App ?? "(unknown app)",
                SignInGroupBy.IP => signIn.IpAddress ?? "(no address)",
                _ => CodeKey(signIn.ErrorCode),
            };
            if (!_groups.TryGetValue(key, out GroupStats? stats))
            {
                if (_groups.Count >= Options.MaxGroups)
                {
                    key = "(other)";
                    if (_groups.TryGetValue(key, out stats))
                    {
                        return stats;
                    }
                }

                _groups[key] = stats = new GroupStats(Options.DistinctCap);
            }

            return stats;
        }

        private Guidance GuidanceFor(int code)
        {
            if (!_guidanceByCode.TryGetValue(code, out Guidance? guidance))
            {
                guidance = _guidance.ForCode(code, "Record");
                _guidanceByCode[code] = guidance;
                if (!guidance.IsKnown)
                {
                    _unknownCodes.Add(code);
                }
            }

            return guidance;
        }

        private bool Matches(SignInEvent signIn)
        {
            if (_codes != null && !_codes.Contains(signIn.ErrorCode))
            {
                return false;
            }

            if (_users != null && !(In(_users, signIn.UserPrincipalName) || In(_users, signIn.UserId) || In(_users, signIn.ServicePrincipalName)
                || In(_users, signIn.ServicePrincipalId) || In(_users, signIn.UserDisplayName)))
            {
                return false;
            }

            return _apps == null || In(_apps, signIn.AppId) || In(_apps, signIn.AppDisplayName);
        }

        private static bool In(HashSet<string> set, string? value) => value != null && set.Contains(value);

        private static HashSet<string>? Set(IReadOnlyCollection<string>? values)
        {
            var set = new HashSet<string>((values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
            return set.Count == 0 ? null : set;
        }

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
