using System;

namespace AadstsTools.Parsing
{
    /// <summary>One AADSTS error found in text, with the identifiers found with it.</summary>
    public sealed class ErrorOccurrence
    {
        public ErrorOccurrence(int code, int position)
        {
            Code = code;
            Position = position;
        }

        public int Code { get; }

        /// <summary>Where the first mention of this error starts in the text (0-based character index).</summary>
        public int Position { get; }

        /// <summary>Microsoft's message after "AADSTSnnnnn:", when the text had one.</summary>
        public string? Message { get; internal set; }

        /// <summary>The OAuth <c>error</c> value (e.g. invalid_grant), when the text was a JSON error response.</summary>
        public string? OAuthError { get; internal set; }

        public string? TraceId { get; internal set; }

        public string? CorrelationId { get; internal set; }

        /// <summary>The timestamp as written in the text.</summary>
        public string? Timestamp { get; internal set; }

        /// <summary>The timestamp parsed (UTC assumed when the text gives no offset).</summary>
        public DateTimeOffset? TimestampUtc { get; internal set; }
    }
}
