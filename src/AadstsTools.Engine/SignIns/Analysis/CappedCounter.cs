using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>
    /// Counts occurrences per key, keeping at most <c>cap</c> keys: past the cap new keys only add to
    /// <see cref="Uncounted"/>, so memory stays bounded and the distinct count reads "at least".
    /// </summary>
    internal sealed class CappedCounter
    {
        private readonly Dictionary<string, int> _counts;
        private readonly int _cap;

        public CappedCounter(int cap, StringComparer? comparer = null)
        {
            _cap = cap;
            _counts = new Dictionary<string, int>(comparer ?? StringComparer.OrdinalIgnoreCase);
        }

        public int Distinct => _counts.Count;

        /// <summary>Occurrences of keys that arrived after the cap was reached.</summary>
        public long Uncounted { get; private set; }

        public bool Capped => Uncounted > 0;

        public void Add(string? key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return;
            }

            if (_counts.TryGetValue(key!, out int count))
            {
                _counts[key!] = count + 1;
            }
            else if (_counts.Count < _cap)
            {
                _counts[key!] = 1;
            }
            else
            {
                Uncounted++;
            }
        }

        public int CountOf(string key) => _counts.TryGetValue(key, out int count) ? count : 0;

        public IEnumerable<KeyValuePair<string, int>> Top(int count) =>
            _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Take(count);

        /// <summary>"alice@contoso.com (12)".</summary>
        public IReadOnlyList<string> TopText(int count, Func<string, string>? label = null) =>
            Top(count).Select(p => (label == null ? p.Key : label(p.Key)) + " (" + p.Value.ToString(CultureInfo.InvariantCulture) + ")").ToList();
    }
}
