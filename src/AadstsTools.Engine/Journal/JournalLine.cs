using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AadstsTools.Output;

namespace AadstsTools.Journal
{
    // One line of the file as JSON. States and error kinds are strings here so that a wrong value gets an
    // error naming it, not a serializer exception.
    internal sealed class JournalLine
    {
        // Relaxed escaping keeps names such as O'Neil or Müller readable in the file; it is never embedded in HTML.
        private static readonly JournalJsonContext Json = new JournalJsonContext(new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        [JsonPropertyName("time")] public DateTimeOffset? Time { get; set; }
        [JsonPropertyName("run")] public string? Run { get; set; }
        [JsonPropertyName("user")] public string? User { get; set; }
        [JsonPropertyName("objectId")] public string? ObjectId { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("forceChange")] public bool? ForceChange { get; set; }
        [JsonPropertyName("forceChangeWithMfa")] public bool? ForceChangeWithMfa { get; set; }
        [JsonPropertyName("sessionsRevoked")] public bool? SessionsRevoked { get; set; }
        [JsonPropertyName("requestId")] public string? RequestId { get; set; }
        [JsonPropertyName("errorKind")] public string? ErrorKind { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
        [JsonPropertyName("reason")] public string? Reason { get; set; }

        public static byte[] ToUtf8(JournalEntry entry) => JsonSerializer.SerializeToUtf8Bytes(
            new JournalLine
            {
                Time = entry.Time,
                Run = entry.RunId,
                User = entry.UserKey,
                ObjectId = entry.ObjectId,
                State = entry.State.ToString().ToLowerInvariant(),
                ForceChange = entry.ForceChange,
                ForceChangeWithMfa = entry.ForceChangeWithMfa,
                SessionsRevoked = entry.SessionsRevoked,
                RequestId = entry.RequestId,
                ErrorKind = entry.ErrorKind?.ToString(),
                Error = entry.ErrorMessage,
                Reason = entry.Reason,
            },
            Json.JournalLine);

        /// <summary>The entry on one line, or why the line is not one.</summary>
        public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out JournalEntry? entry, [NotNullWhen(false)] out string? problem)
        {
            entry = null;
            JournalLine? line;
            try
            {
                line = JsonSerializer.Deserialize(utf8, Json.JournalLine);
            }
            catch (JsonException ex)
            {
                problem = "not a journal record (one JSON object per line): " + ex.Message;
                return false;
            }

            JournalEntryState state = default;
            ErrorKind errorKind = default;
            problem = line == null ? "not a journal record (one JSON object per line)."
                : line.Time == null ? "the record has no \"time\"."
                : string.IsNullOrWhiteSpace(line.User) ? "the record has no \"user\"."
                : string.IsNullOrWhiteSpace(line.Run) ? "the record has no \"run\"."
                : !TryParseState(line.State, out state) ? $"the state \"{line.State}\" is not one of intended, done, failed, skipped."
                : line.ErrorKind != null && !TryParseErrorKind(line.ErrorKind, out errorKind) ? $"the error kind \"{line.ErrorKind}\" is unknown."
                : null;
            if (problem != null)
            {
                return false;
            }

            entry = new JournalEntry(state, line!.User!, line.ObjectId)
            {
                Time = line.Time!.Value,
                RunId = line.Run,
                ForceChange = line.ForceChange,
                ForceChangeWithMfa = line.ForceChangeWithMfa,
                SessionsRevoked = line.SessionsRevoked,
                RequestId = line.RequestId,
                ErrorKind = line.ErrorKind == null ? (ErrorKind?)null : errorKind,
                ErrorMessage = line.Error,
                Reason = line.Reason,
            };
            return true;
        }

        private static bool TryParseState(string? text, out JournalEntryState state)
        {
            switch (text)
            {
                case "intended": state = JournalEntryState.Intended; return true;
                case "done": state = JournalEntryState.Done; return true;
                case "failed": state = JournalEntryState.Failed; return true;
                case "skipped": state = JournalEntryState.Skipped; return true;
                default: state = default; return false;
            }
        }

        // Names only: Enum.TryParse would also take "3" or "InvalidData, WriteError".
        private static bool TryParseErrorKind(string text, out ErrorKind kind) =>
            Enum.TryParse(text, out kind) && Enum.IsDefined(typeof(ErrorKind), kind) && kind.ToString() == text;
    }

    [JsonSerializable(typeof(JournalLine))]
    internal sealed partial class JournalJsonContext : JsonSerializerContext
    {
    }
}
