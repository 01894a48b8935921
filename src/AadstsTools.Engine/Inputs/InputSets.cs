using System;
using System.Collections.Generic;

namespace AadstsTools.Inputs
{
    /// <summary>
    /// Gathers pipeline inputs into sets: bulk commands check or reset a set at a time (one $batch lookup per
    /// set, results streaming out as each set completes) while the pipeline keeps delivering.
    /// </summary>
    public sealed class InputSets
    {
        private readonly List<string?> _pending = new List<string?>();

        public InputSets(int setSize) => SetSize = Math.Max(1, setSize);

        public int SetSize { get; }

        /// <summary>Adds one input; true when a full set waits to be taken.</summary>
        public bool Add(string? input)
        {
            _pending.Add(input);
            return _pending.Count >= SetSize;
        }

        /// <summary>The waiting inputs (a full set, or the rest at the end), emptying the buffer.</summary>
        public IReadOnlyList<string?> Take()
        {
            var set = _pending.ToArray();
            _pending.Clear();
            return set;
        }

        /// <summary>Splits a whole input list into sets.</summary>
        public static IEnumerable<IReadOnlyList<string?>> Split(IEnumerable<string?> inputs, int setSize)
        {
            var sets = new InputSets(setSize);
            foreach (string? input in inputs)
            {
                if (sets.Add(input))
                {
                    yield return sets.Take();
                }
            }

            IReadOnlyList<string?> rest = sets.Take();
            if (rest.Count > 0)
            {
                yield return rest;
            }
        }
    }
}
