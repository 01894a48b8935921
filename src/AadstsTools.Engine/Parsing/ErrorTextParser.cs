using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AadstsTools.Parsing
{
    /// <summary>
    /// Finds AADSTS errors in pasted text: messages, OAuth JSON error responses, MSAL/ADAL exception text,
    /// lookup URLs, sign-in log details. Every error comes back in order, carrying the trace ID,
    /// correlation ID and timestamp found with it. Runs in linear time on any input.
    /// </summary>
    public static class ErrorTextParser
    {
        /// <summary>More errors than this in one text are not returned (the caller is told).</summary>
        public const int MaxOccurrences = 10_000;

        private const string Guid = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

        // Between a label and its value: quotes, colons, equals signs, white space or escaped line breaks,
        // bounded so that nothing can backtrack far.
        private const string Separator = @"(?:[\s:=""'\\rn]{0,12}?)";

        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        private static readonly Regex CodePattern = new Regex(
            @"(?<![A-Za-z0-9])AADSTS(?<code>\d{4,9})(?!\d)"
            + @"|(?<array>""?error_codes""?\s*[:=]\s*\[(?<codes>[\d\s,]{1,200})\])"
            + @"|/error\?code=(?<code>\d{4,9})(?!\d)"
            + @"|(?:sign-in\s+error\s+code|error[\s_-]?code|status/errorCode)(?:""?)" + Separator + @"(?<code>\d{4,9})(?!\d)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
            Timeout);

        private static readonly Regex DetailPattern = new Regex(
            @"(?<![A-Za-z])(?:(?<trace>trace[\s_-]?id|request[\s_-]?id|x-ms-request-id)|(?<corr>correlation[\s_-]?id|client-request-id))""?" + Separator + @"\{?(?<id>" + Guid + ")"
            + @"|(?<![A-Za-z])(?<time>timestamp|date\s*\(utc\)|createdDateTime)""?" + Separator + @"(?<when>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)"
            + @"|""error""\s*:\s*""(?<oauth>[a-z_]{3,40})""",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
            Timeout);

        private static readonly Regex CodeOnly = new Regex(
            @"^\s*(?:AADSTS)?(?<code>\d{1,9})\s*:?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
            Timeout);

        /// <summary>
        /// True when the whole text is just a code: "50126", "AADSTS50126", " aadsts50126: ".
        /// </summary>
        public static bool TryParseCode(string? text, out int code)
        {
            code = 0;
            if (text == null || text.Length > 64)
            {
                return false;
            }

            Match match = CodeOnly.Match(text);
            return match.Success && int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code > 0;
        }

        /// <summary>Every AADSTS error in <paramref name="text"/>, in order of appearance.</summary>
        public static ParseResult Parse(string? text)
        {
            var result = new ParseResult();
            if (string.IsNullOrEmpty(text))
            {
                return result;
            }

            // One pass over both kinds of match in text order: a detail (trace ID, correlation ID,
            // timestamp) belongs to the error mentioned last before it; details before the first error
            // belong to the first one. Memory grows with distinct errors only, never with the text.
            Mention? current = null;
            var early = new Mention(0, 0, null);
            Match code = CodePattern.Match(text);
            Match detail = DetailPattern.Match(text);
            while ((code.Success || detail.Success) && !result.Truncated)
            {
                if (code.Success && (!detail.Success || code.Index <= detail.Index))
                {
                    foreach (Mention mention in MentionsOf(text!, code))
                    {
                        if (current != null)
                        {
                            Merge(result, current);
                        }
                        else
                        {
                            mention.Absorb(early);
                        }

                        current = mention;
                    }

                    code = code.NextMatch();
                }
                else
                {
                    AddDetail(current ?? early, detail);
                    detail = detail.NextMatch();
                }
            }

            if (current != null && !result.Truncated)
            {
                Merge(result, current);
            }

            return result;
        }

        private static IEnumerable<Mention> MentionsOf(string text, Match match)
        {
            if (match.Groups["array"].Success)
            {
                foreach (string part in match.Groups["codes"].Value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int arrayCode) && arrayCode > 0)
                    {
                        yield return new Mention(arrayCode, match.Index, null);
                    }
                }
            }
            else if (int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code > 0)
            {
                bool isAadsts = match.Value.StartsWith("AADSTS", StringComparison.OrdinalIgnoreCase);
                yield return new Mention(code, match.Index, isAadsts ? MessageAfter(text, match.Index + match.Length) : null);
            }
        }

        private static void AddDetail(Mention mention, Match match)
        {
            if (match.Groups["trace"].Success)
            {
                mention.TraceId ??= match.Groups["id"].Value.ToLowerInvariant();
            }
            else if (match.Groups["corr"].Success)
            {
                mention.CorrelationId ??= match.Groups["id"].Value.ToLowerInvariant();
            }
            else if (match.Groups["time"].Success)
            {
                mention.Timestamp ??= match.Groups["when"].Value;
            }
            else if (match.Groups["oauth"].Success)
            {
                mention.OAuthError ??= match.Groups["oauth"].Value;
            }
        }

        /// <summary>
        /// Repeated mentions of one error (the description, error_codes and error_uri of one JSON response)
        /// become one occurrence; a mention with a different trace or correlation ID starts a new one.
        /// </summary>
        private static void Merge(ParseResult result, Mention mention)
        {
            ErrorOccurrence? last = result.Occurrences.Count > 0 ? result.Occurrences[result.Occurrences.Count - 1] : null;
            if (last != null && last.Code == mention.Code && Compatible(last.TraceId, mention.TraceId)
                && Compatible(last.CorrelationId, mention.CorrelationId) && Compatible(last.Timestamp, mention.Timestamp))
            {
                last.TraceId ??= mention.TraceId;
                last.CorrelationId ??= mention.CorrelationId;
                last.Message ??= mention.Message;
                last.OAuthError ??= mention.OAuthError;
                if (last.Timestamp == null && mention.Timestamp != null)
                {
                    SetTimestamp(last, mention.Timestamp);
                }

                return;
            }

            if (result.Occurrences.Count >= MaxOccurrences)
            {
                result.Truncated = true;
                return;
            }

            var occurrence = new ErrorOccurrence(mention.Code, mention.Start)
            {
                Message = mention.Message,
                OAuthError = mention.OAuthError,
                TraceId = mention.TraceId,
                CorrelationId = mention.CorrelationId,
            };
            if (mention.Timestamp != null)
            {
                SetTimestamp(occurrence, mention.Timestamp);
            }

            result.Occurrences.Add(occurrence);
        }

        private static bool Compatible(string? a, string? b) => a == null || b == null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
            || (TryParseTime(a, out var ta) && TryParseTime(b, out var tb) && ta == tb);

        private static void SetTimestamp(ErrorOccurrence occurrence, string timestamp)
        {
            occurrence.Timestamp = timestamp;
            occurrence.TimestampUtc = TryParseTime(timestamp, out DateTimeOffset parsed) ? parsed : null;
        }

        private static bool TryParseTime(string text, out DateTimeOffset value) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

        /// <summary>Microsoft's message after "AADSTSnnnnn:", up to the end of its line or the trace ID.</summary>
        private static string? MessageAfter(string text, int index)
        {
            int i = index;
            while (i < text.Length && (text[i] == ':' || text[i] == ' '))
            {
                i++;
            }

            if (i == index || i >= text.Length)
            {
                return null;
            }

            int limit = Math.Min(text.Length, i + 400);
            int end = i;
            while (end < limit)
            {
                char c = text[end];
                if (c == '\r' || c == '\n' || c == '"' || (c == '\\' && end + 1 < text.Length && (text[end + 1] == 'r' || text[end + 1] == 'n' || text[end + 1] == '"'))
                    || StartsWithAt(text, end, "Trace ID") || StartsWithAt(text, end, "Correlation ID") || StartsWithAt(text, end, "Timestamp:"))
                {
                    break;
                }

                end++;
            }

            string message = text.Substring(i, end - i).Trim();
            return message.Length == 0 ? null : message;
        }

        private static bool StartsWithAt(string text, int index, string value) =>
            string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

        private sealed class Mention
        {
            public Mention(int code, int start, string? message)
            {
                Code = code;
                Start = start;
                Message = message;
            }

            public int Code { get; }

            public int Start { get; }

            public string? Message { get; }

            public string? TraceId { get; set; }

            public string? CorrelationId { get; set; }

            public string? Timestamp { get; set; }

            public string? OAuthError { get; set; }

            /// <summary>Takes the details that were found before any error was mentioned.</summary>
            public void Absorb(Mention early)
            {
                TraceId ??= early.TraceId;
                CorrelationId ??= early.CorrelationId;
                Timestamp ??= early.Timestamp;
                OAuthError ??= early.OAuthError;
            }
        }
    }

    /// <summary>The errors found in one text.</summary>
    public sealed class ParseResult
    {
        public List<ErrorOccurrence> Occurrences { get; } = new List<ErrorOccurrence>();

        /// <summary>True when the text held more than <see cref="ErrorTextParser.MaxOccurrences"/> errors.</summary>
        public bool Truncated { get; internal set; }
    }
}
