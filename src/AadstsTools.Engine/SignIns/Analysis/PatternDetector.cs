using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>
    /// Finds the patterns admins ask about in the failures fed to it: spikes, password sprays, apps with stale
    /// credentials and lockouts. State is counters: per code an hourly histogram (bounded by the hours the
    /// window spans), per address and per app capped sets of accounts (see <see cref="CappedCounter"/>).
    /// </summary>
    internal sealed class PatternDetector
    {
        private const int InvalidPasswordCode = 50126;
        private const int LockoutCode = 50053;

        private readonly SignInPatternThresholds _rules;
        private readonly int _cap;
        private readonly int _maxKeys;
        private readonly HashSet<int> _credentialCodes;
        private readonly Dictionary<int, Dictionary<long, int>> _buckets = new Dictionary<int, Dictionary<long, int>>();
        private readonly Dictionary<string, Spread> _byIp = new Dictionary<string, Spread>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Spread> _invalidPasswordByApp = new Dictionary<string, Spread>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _successesByIp = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly Spread _lockouts;
        private long _firstBucket = long.MaxValue;
        private long _lastBucket = long.MinValue;

        public PatternDetector(SignInPatternThresholds rules, int distinctCap, int maxKeys)
        {
            _rules = rules;
            _cap = distinctCap;
            _maxKeys = maxKeys;
            _credentialCodes = new HashSet<int>(rules.CredentialCodes);
            _lockouts = new Spread(distinctCap);
        }

        /// <summary>Every sign-in in the time window, kept or not: the window's span, and successes per address.</summary>
        public void ObserveWindow(SignInEvent signIn)
        {
            long bucket = Bucket(signIn.TimeUtc);
            _firstBucket = Math.Min(_firstBucket, bucket);
            _lastBucket = Math.Max(_lastBucket, bucket);
            if (signIn.Succeeded && signIn.IpAddress != null && (_successesByIp.ContainsKey(signIn.IpAddress) || _successesByIp.Count < _maxKeys))
            {
                _successesByIp.TryGetValue(signIn.IpAddress, out int count);
                _successesByIp[signIn.IpAddress] = count + 1;
            }
        }

        /// <summary>A failure the report keeps.</summary>
        public void Add(SignInEvent signIn)
        {
            if (signIn.Succeeded)
            {
                return;
            }

            if (!_buckets.TryGetValue(signIn.ErrorCode, out Dictionary<long, int>? histogram))
            {
                _buckets[signIn.ErrorCode] = histogram = new Dictionary<long, int>();
            }

            long bucket = Bucket(signIn.TimeUtc);
            histogram.TryGetValue(bucket, out int inBucket);
            histogram[bucket] = inBucket + 1;

            if (_credentialCodes.Contains(signIn.ErrorCode) && signIn.IpAddress != null)
            {
                SpreadOf(_byIp, signIn.IpAddress)?.Add(signIn);
            }

            if (signIn.ErrorCode == InvalidPasswordCode && signIn.App != null)
            {
                SpreadOf(_invalidPasswordByApp, signIn.App)?.Add(signIn);
            }

            if (signIn.ErrorCode == LockoutCode)
            {
                _lockouts.Add(signIn);
            }
        }

        public IReadOnlyList<SignInPatternFlag> Detect()
        {
            var flags = new List<SignInPatternFlag>();
            flags.AddRange(Spikes());
            flags.AddRange(Sprays());
            flags.AddRange(StaleCredentials());
            flags.AddRange(Lockouts());
            return flags;
        }

        /// <summary>Per user: how often the user was locked out (for user rows).</summary>
        public int LockoutsOf(string user) => _lockouts.Users.CountOf(user);

        private IEnumerable<SignInPatternFlag> Spikes()
        {
            long span = _lastBucket - _firstBucket + 1;
            if (_buckets.Count == 0 || span < _rules.SpikeMinimumBuckets)
            {
                yield break;
            }

            foreach (var pair in _buckets.OrderBy(p => p.Key))
            {
                var peak = pair.Value.OrderByDescending(b => b.Value).ThenBy(b => b.Key).First();
                double median = Median(pair.Value.Values, span);
                double baseline = Math.Max(median, 1);
                if (peak.Value >= _rules.SpikeMinimumCount && peak.Value >= _rules.SpikeFactor * baseline)
                {
                    DateTime start = new DateTime(peak.Key * _rules.BucketSize.Ticks, DateTimeKind.Utc);
                    yield return new SignInPatternFlag(SignInPatternKind.Spike, SignInGroupBy.Code, SignInTriage.CodeKey(pair.Key), pair.Key,
                        $"AADSTS{pair.Key} spiked: {N(peak.Value)} failures in the {Duration()} from {start:yyyy-MM-dd HH:mm} UTC, "
                        + $"{peak.Value / baseline:0.#} times its median of {median:0.#} per {Duration()} over the window's {N(span)} {Duration()}s "
                        + $"(flagged at {N(_rules.SpikeMinimumCount)} or more and {_rules.SpikeFactor:0.#} times the median).");
                }
            }
        }

        private IEnumerable<SignInPatternFlag> Sprays()
        {
            foreach (var (pair, spread, users, perUser) in MostAccountsFirst(_byIp))
            {
                if (users < _rules.SprayMinimumUsers || perUser >= _rules.SprayMaximumAttemptsPerUser)
                {
                    continue;
                }

                _successesByIp.TryGetValue(pair.Key, out int successes);
                string succeeded = successes == 0
                    ? "No sign-in from it succeeded."
                    : $"{N(successes)} sign-in{(successes == 1 ? string.Empty : "s")} from it succeeded: check those accounts first (Get-AadSignInFailure -IncludeSuccess, then Reset-AadUserPassword -RevokeSessions).";
                int code = TopCode(spread);
                yield return new SignInPatternFlag(SignInPatternKind.PasswordSpray, SignInGroupBy.IP, pair.Key, code,
                    $"Password spray from {pair.Key}: {Plural(users, "account")}{(spread.Users.Capped ? " or more" : string.Empty)} failed credentials from this one address "
                    + $"({string.Join(", ", spread.Codes.TopText(3, k => "AADSTS" + k))}), {Tries(perUser)} each. {succeeded} "
                    + $"(Flagged at {N(_rules.SprayMinimumUsers)} or more accounts with under {_rules.SprayMaximumAttemptsPerUser:0.#} tries each.) Block the address with a named location and Conditional Access.");
            }
        }

        private IEnumerable<SignInPatternFlag> StaleCredentials()
        {
            foreach (var (pair, spread, users, perUser) in MostAccountsFirst(_invalidPasswordByApp))
            {
                int ips = spread.Ips.Distinct;
                if (users < _rules.StaleMinimumUsers || perUser < _rules.StaleMinimumAttemptsPerUser || ips == 0 || ips > _rules.StaleMaximumIps || spread.Ips.Capped)
                {
                    continue;
                }

                string addresses = string.Join(", ", spread.Ips.Top(_rules.StaleMaximumIps).Select(p => p.Key));
                string client = spread.ClientApps.Distinct > 0 ? " via " + spread.ClientApps.Top(1).First().Key : string.Empty;
                yield return new SignInPatternFlag(SignInPatternKind.StaleCredentials, SignInGroupBy.App, pair.Key, InvalidPasswordCode,
                    $"{pair.Key} fails AADSTS50126 for {Plural(users, "account")} again and again ({N(spread.Attempts)} failures, {perUser:0.#} each) "
                    + $"from {Plural(ips, "address", "addresses")} ({addresses}){client}: an app, connector or device still signing in with old passwords. "
                    + $"Update the password stored in it (or move it to a certificate or managed identity) rather than resetting the users'. "
                    + $"(Flagged at {N(_rules.StaleMinimumUsers)} or more accounts, {_rules.StaleMinimumAttemptsPerUser:0.#} or more failures each, from at most {N(_rules.StaleMaximumIps)} addresses.)");
            }
        }

        private IEnumerable<SignInPatternFlag> Lockouts()
        {
            if (_lockouts.Attempts == 0)
            {
                yield break;
            }

            int users = _lockouts.Users.Distinct;
            string most = string.Join(", ", _lockouts.Users.TopText(3));
            yield return new SignInPatternFlag(SignInPatternKind.Lockout, SignInGroupBy.Code, SignInTriage.CodeKey(LockoutCode), LockoutCode,
                $"{Plural(users, "account")}{(_lockouts.Users.Capped ? " or more" : string.Empty)} locked out by smart lockout (AADSTS50053, {N(_lockouts.Attempts)} events, "
                + $"from {Plural(_lockouts.Ips.Distinct, "address", "addresses")}); most: {most}. "
                + "Failures from unfamiliar addresses mean someone is guessing: do not just unlock, check the addresses (-GroupBy IP).");
        }

        /// <summary>Spreads with the most accounts first, with their account count and tries per account.</summary>
        private static IEnumerable<(KeyValuePair<string, Spread> Pair, Spread Spread, int Users, double PerUser)> MostAccountsFirst(Dictionary<string, Spread> map) =>
            map.OrderByDescending(p => p.Value.Users.Distinct).ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                .Select(p => (p, p.Value, p.Value.Users.Distinct, (double)p.Value.Attempts / Math.Max(p.Value.Users.Distinct, 1)));

        /// <summary>One user row's lockout flag.</summary>
        public SignInPatternFlag? LockoutFlagFor(string user)
        {
            int count = LockoutsOf(user);
            return count == 0 ? null : new SignInPatternFlag(SignInPatternKind.Lockout, SignInGroupBy.User, user, LockoutCode,
                $"{user} was locked out by smart lockout {Plural(count, "time")} (AADSTS50053).");
        }

        /// <summary>The median bucket count over the whole window, empty buckets counted as zero.</summary>
        internal static double Median(ICollection<int> nonEmpty, long buckets)
        {
            var sorted = nonEmpty.OrderBy(v => v).ToList();
            long zeros = buckets - sorted.Count;
            double At(long rank) => rank < zeros ? 0 : sorted[(int)(rank - zeros)];
            return (At((buckets - 1) / 2) + At(buckets / 2)) / 2.0;
        }

        private long Bucket(DateTimeOffset time) => time.UtcTicks / _rules.BucketSize.Ticks;

        private string Duration() => _rules.BucketSize == TimeSpan.FromHours(1) ? "hour"
            : _rules.BucketSize == TimeSpan.FromDays(1) ? "day"
            : _rules.BucketSize.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "-minute period";

        private Spread? SpreadOf(Dictionary<string, Spread> map, string key)
        {
            if (!map.TryGetValue(key, out Spread? spread))
            {
                if (map.Count >= _maxKeys)
                {
                    return null;
                }

                map[key] = spread = new Spread(_cap);
            }

            return spread;
        }

        private static int TopCode(Spread spread) =>
            int.Parse(spread.Codes.Top(1).First().Key, CultureInfo.InvariantCulture);

        private static string Tries(double perUser) => perUser.ToString("0.#", CultureInfo.InvariantCulture) + (perUser == 1 ? " try" : " tries");

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string Plural(long count, string noun, string? plural = null) => N(count) + " " + (count == 1 ? noun : plural ?? noun + "s");

        /// <summary>How failures spread over accounts, addresses, codes and client apps.</summary>
        private sealed class Spread
        {
            public Spread(int cap)
            {
                Users = new CappedCounter(cap);
                Ips = new CappedCounter(cap);
                Codes = new CappedCounter(cap, StringComparer.Ordinal);
                ClientApps = new CappedCounter(cap);
            }

            public long Attempts { get; private set; }

            public CappedCounter Users { get; }

            public CappedCounter Ips { get; }

            public CappedCounter Codes { get; }

            public CappedCounter ClientApps { get; }

            public void Add(SignInEvent signIn)
            {
                Attempts++;
                Users.Add(signIn.Principal);
                Ips.Add(signIn.IpAddress);
                Codes.Add(signIn.ErrorCode.ToString(CultureInfo.InvariantCulture));
                ClientApps.Add(signIn.ClientApp);
            }
        }
    }
}
