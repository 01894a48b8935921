using System;
using System.Collections.Generic;

namespace AadstsTools.Journal
{
    /// <summary>
    /// The last entry per user, found by the input as given (case-insensitive: UPNs and ids both are) or by object
    /// id, so that a user given once by UPN and once by id is one user. Not thread-safe.
    /// </summary>
    internal sealed class JournalIndex
    {
        private readonly Dictionary<string, (JournalEntry Entry, long Order)> _byUserKey = new Dictionary<string, (JournalEntry, long)>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (JournalEntry Entry, long Order)> _byObjectId = new Dictionary<string, (JournalEntry, long)>(StringComparer.OrdinalIgnoreCase);
        private long _order;

        public void Add(JournalEntry entry)
        {
            _order++;
            _byUserKey[entry.UserKey.Trim()] = (entry, _order);
            if (entry.ObjectId != null)
            {
                _byObjectId[entry.ObjectId.Trim()] = (entry, _order);
            }
        }

        /// <summary>The latest entry matching the key (as input or as object id) or the object id; null if none.</summary>
        public JournalEntry? Last(string? userKey, string? objectId)
        {
            (JournalEntry? Entry, long Order) best = (null, 0);
            Consider(_byUserKey, userKey, ref best);
            Consider(_byObjectId, userKey, ref best);
            Consider(_byObjectId, objectId, ref best);
            return best.Entry;
        }

        public JournalUserState Lookup(string? userKey, string? objectId) => StateOf(Last(userKey, objectId));

        public static JournalUserState StateOf(JournalEntry? last)
        {
            switch (last?.State)
            {
                case null: return JournalUserState.NotInJournal;
                case JournalEntryState.Intended: return JournalUserState.Unknown;
                case JournalEntryState.Done: return JournalUserState.Done;
                case JournalEntryState.Failed: return JournalUserState.Failed;
                default: return JournalUserState.Skipped;
            }
        }

        private static void Consider(Dictionary<string, (JournalEntry Entry, long Order)> map, string? key, ref (JournalEntry? Entry, long Order) best)
        {
            if (!string.IsNullOrWhiteSpace(key) && map.TryGetValue(key!.Trim(), out var found) && found.Order > best.Order)
            {
                best = (found.Entry, found.Order);
            }
        }
    }
}
