using System;
using AadstsTools.Output;

namespace AadstsTools.Journal
{
    /// <summary>
    /// One line of a reset journal: one state change of one user. Never holds a password; the factories take none.
    /// </summary>
    public sealed record JournalEntry
    {
        /// <summary>An entry for <paramref name="userKey"/>; prefer the factories, which set the fields each state needs.</summary>
        public JournalEntry(JournalEntryState state, string userKey, string? objectId = null)
        {
            if (string.IsNullOrWhiteSpace(userKey))
            {
                throw new ArgumentException("A journal entry needs the user as given (id or UPN).", nameof(userKey));
            }

            State = state;
            UserKey = userKey;
            ObjectId = string.IsNullOrWhiteSpace(objectId) ? null : objectId;
        }

        /// <summary>When the state changed; now unless set.</summary>
        public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

        /// <summary>The run that wrote the line; <see cref="ResetJournal.Append(JournalEntry)"/> fills it in when null.</summary>
        public string? RunId { get; init; }

        /// <summary>The user as the input gave it (object id or UPN).</summary>
        public string UserKey { get; }

        /// <summary>The user's object id once resolved; null when not known yet.</summary>
        public string? ObjectId { get; }

        /// <summary>The state change this line records.</summary>
        public JournalEntryState State { get; }

        /// <summary>Done: forceChangePasswordNextSignIn as sent.</summary>
        public bool? ForceChange { get; init; }

        /// <summary>Done: forceChangePasswordNextSignInWithMfa as sent.</summary>
        public bool? ForceChangeWithMfa { get; init; }

        /// <summary>Done: whether sign-in sessions were revoked afterwards.</summary>
        public bool? SessionsRevoked { get; init; }

        /// <summary>Graph's request-id of the reset (Done, and Failed when Graph answered).</summary>
        public string? RequestId { get; init; }

        /// <summary>Failed: the kind of error.</summary>
        public ErrorKind? ErrorKind { get; init; }

        /// <summary>Failed: the error message. Callers must not pass text that could hold the password.</summary>
        public string? ErrorMessage { get; init; }

        /// <summary>Skipped: why.</summary>
        public string? Reason { get; init; }

        /// <summary>About to send the reset for this user.</summary>
        public static JournalEntry Intended(string userKey, string? objectId = null) =>
            new JournalEntry(JournalEntryState.Intended, userKey, objectId);

        /// <summary>Graph confirmed the reset, with the flags applied.</summary>
        public static JournalEntry Done(string userKey, string? objectId, bool forceChange, bool forceChangeWithMfa, bool sessionsRevoked, string? requestId) =>
            new JournalEntry(JournalEntryState.Done, userKey, objectId)
            {
                ForceChange = forceChange,
                ForceChangeWithMfa = forceChangeWithMfa,
                SessionsRevoked = sessionsRevoked,
                RequestId = requestId,
            };

        /// <summary>The reset failed.</summary>
        public static JournalEntry Failed(string userKey, string? objectId, ErrorKind errorKind, string message, string? requestId = null) =>
            new JournalEntry(JournalEntryState.Failed, userKey, objectId)
            {
                ErrorKind = errorKind,
                ErrorMessage = message ?? throw new ArgumentNullException(nameof(message)),
                RequestId = requestId,
            };

        /// <summary>The user was not attempted.</summary>
        public static JournalEntry Skipped(string userKey, string? objectId, string reason) =>
            new JournalEntry(JournalEntryState.Skipped, userKey, objectId)
            {
                Reason = reason ?? throw new ArgumentNullException(nameof(reason)),
            };
    }
}
