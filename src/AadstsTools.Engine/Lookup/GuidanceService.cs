using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using AadstsTools.Catalog;
using AadstsTools.Output;
using AadstsTools.Parsing;
using AadstsTools.Records;

namespace AadstsTools.Lookup
{
    /// <summary>
    /// Answers "what does this AADSTS error mean and what do I do": by code, by pasted text, by sign-in
    /// record, by search. Writes <see cref="AadstsTools.Guidance"/> objects to the output.
    /// </summary>
    public sealed class GuidanceService
    {
        // Where records keep their error code, most specific first: a Graph signIn, the portal's export,
        // an OAuth error response, anything else.
        private static readonly string[] CodePaths = { "status.errorCode", "Sign-in error code", "errorCode", "error_codes", "AadstsCode", "Code" };
        private static readonly string[] TextPaths = { "error_description", "status.failureReason", "Failure reason", "Exception.Message", "ErrorDetails.Message", "Message" };
        private static readonly string[] TracePaths = { "Request ID", "requestId", "trace_id", "TraceId", "id" };
        private static readonly string[] CorrelationPaths = { "correlationId", "Correlation ID", "correlation_id" };
        private static readonly string[] TimePaths = { "createdDateTime", "Date (UTC)", "Date", "timestamp", "TimeGenerated" };
        private static readonly string[] UserPaths = { "userPrincipalName", "Username", "User" };
        private static readonly string[] AppPaths = { "appDisplayName", "Application" };
        private static readonly string[] ReasonPaths = { "status.failureReason", "Failure reason", "failureReason", "error_description" };

        public GuidanceService(GuidanceCatalog catalog)
        {
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        }

        public GuidanceCatalog Catalog { get; }

        /// <summary>The guidance for one code; an "unknown" entry when the catalog doesn't have it.</summary>
        public AadstsTools.Guidance ForCode(int code, string source = "Code")
        {
            return Catalog.TryGetCode(code, out CatalogEntry entry)
                ? new AadstsTools.Guidance(entry, isKnown: true, source)
                : new AadstsTools.Guidance(UnknownEntry(code), isKnown: false, source);
        }

        /// <summary>
        /// Explains one input of any kind: a code (number or "AADSTS50126"), text holding codes, or a record
        /// with an error code property. Writes the guidance found, a warning per unknown code, and a
        /// non-terminating error when the input holds no code. Returns how many guidance objects it wrote.
        /// </summary>
        public int Explain(object? input, IEngineOutput output)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            switch (input)
            {
                case null:
                    output.WriteError(new EngineError("NoInput", ErrorKind.InvalidArgument, "The input is empty; expected an AADSTS code (e.g. 50126), an error message or a sign-in record."));
                    return 0;
                case int _:
                case long _:
                case short _:
                case uint _:
                case ulong _:
                case ushort _:
                    return ExplainCode(Convert.ToInt64(input, CultureInfo.InvariantCulture), input, output);
                case string text:
                    return ExplainText(text, output);
                case JsonElement element when element.ValueKind == JsonValueKind.Number:
                    return element.TryGetInt64(out long number) ? ExplainCode(number, input, output) : ExplainText(element.GetRawText(), output);
                case JsonElement element when element.ValueKind == JsonValueKind.String:
                    return ExplainText(element.GetString() ?? string.Empty, output);
                default:
                    if (RecordReader.IsRecord(input))
                    {
                        return ExplainRecord(input, output);
                    }

                    return ExplainText(RecordReader.AsText(input) ?? string.Empty, output);
            }
        }

        /// <summary>Entries whose names, summaries or causes contain every word, best matches first.</summary>
        public IReadOnlyList<AadstsTools.Guidance> Search(IEnumerable<string> words, IReadOnlyCollection<GuidanceCategory>? categories = null)
        {
            string[] terms = (words ?? Array.Empty<string>())
                .SelectMany(w => (w ?? string.Empty).Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries))
                .Select(w => w.Trim().ToLowerInvariant())
                .Select(w => w.StartsWith("aadsts", StringComparison.Ordinal) && w.Length > 6 ? w.Substring(6) : w)
                .Where(w => w.Length > 0)
                .ToArray();
            if (terms.Length == 0)
            {
                return Array.Empty<AadstsTools.Guidance>();
            }

            var scored = new List<(int Score, CatalogEntry Entry)>();
            foreach (CatalogEntry entry in Filter(categories))
            {
                int total = 0;
                foreach (string term in terms)
                {
                    int score = Score(entry, term);
                    if (score == 0)
                    {
                        total = 0;
                        break;
                    }

                    total += score;
                }

                if (total > 0)
                {
                    scored.Add((total, entry));
                }
            }

            return scored
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.Entry.Code ?? int.MaxValue)
                .ThenBy(s => s.Entry.Topic, StringComparer.Ordinal)
                .Select(s => new AadstsTools.Guidance(s.Entry, isKnown: true, "Search"))
                .ToList();
        }

        /// <summary>Every entry, optionally of some categories only.</summary>
        public IReadOnlyList<AadstsTools.Guidance> All(IReadOnlyCollection<GuidanceCategory>? categories = null) =>
            Filter(categories).Select(e => new AadstsTools.Guidance(e, isKnown: true, "Catalog")).ToList();

        /// <summary>Codes and names for tab completion: codes starting with the typed digits.</summary>
        public IEnumerable<CatalogEntry> Complete(string? prefix)
        {
            string typed = (prefix ?? string.Empty).Trim().Trim('\'', '"');
            if (typed.StartsWith("AADSTS", StringComparison.OrdinalIgnoreCase))
            {
                typed = typed.Substring(6);
            }

            foreach (CatalogEntry entry in Catalog.Entries)
            {
                if (entry.Code.HasValue && entry.Code.Value.ToString(CultureInfo.InvariantCulture).StartsWith(typed, StringComparison.Ordinal))
                {
                    yield return entry;
                }
            }
        }

        private IEnumerable<CatalogEntry> Filter(IReadOnlyCollection<GuidanceCategory>? categories) =>
            categories == null || categories.Count == 0 ? Catalog.Entries : Catalog.Entries.Where(e => categories.Contains(e.Category));

        private int ExplainCode(long code, object input, IEngineOutput output)
        {
            if (code <= 0 || code > int.MaxValue)
            {
                output.WriteError(new EngineError("InvalidAadstsCode", ErrorKind.InvalidArgument,
                    $"'{input}' is not an AADSTS code; expected a positive number such as 50126.", input));
                return 0;
            }

            Write(ForCode((int)code), output);
            return 1;
        }

        private int ExplainText(string text, IEngineOutput output)
        {
            if (ErrorTextParser.TryParseCode(text, out int code))
            {
                Write(ForCode(code), output);
                return 1;
            }

            ParseResult parsed = ErrorTextParser.Parse(text);
            if (parsed.Occurrences.Count == 0)
            {
                output.WriteError(new EngineError("NoAadstsCode", ErrorKind.InvalidData,
                    $"No AADSTS error code found in the input {Quote(text)}. Expected a code such as 50126 or AADSTS50126, an error message containing one, a JSON error response with error_codes, or a login.microsoftonline.com/error?code= link.",
                    text)
                {
                    RecommendedAction = "Paste the whole error message, including the line that starts with AADSTS.",
                });
                return 0;
            }

            if (parsed.Truncated)
            {
                output.WriteWarning($"The input holds more than {ErrorTextParser.MaxOccurrences} AADSTS errors; only the first {ErrorTextParser.MaxOccurrences} are explained.");
            }

            foreach (ErrorOccurrence occurrence in parsed.Occurrences)
            {
                Write(ForCode(occurrence.Code, "Message").WithOccurrence(occurrence), output);
            }

            return parsed.Occurrences.Count;
        }

        private int ExplainRecord(object record, IEngineOutput output)
        {
            if (!RecordReader.TryGetFirst(record, CodePaths, out object? codeValue, out string? codePath))
            {
                // No code property: an error object (ErrorRecord, exception, OAuth response) may carry the
                // code in its message instead.
                if (RecordReader.TryGetFirst(record, TextPaths, out object? textValue, out _) && RecordReader.AsText(textValue) is string message
                    && ErrorTextParser.Parse(message).Occurrences.Count > 0)
                {
                    return ExplainText(message, output);
                }

                output.WriteError(new EngineError("NoErrorCodeProperty", ErrorKind.InvalidData,
                    $"The record has no error code. Expected a property named status.errorCode (Graph sign-in), 'Sign-in error code' (portal export), ErrorCode or Code; it has: {string.Join(", ", RecordReader.PropertyNames(record).Take(20))}.",
                    record));
                return 0;
            }

            var codes = CodesIn(codeValue).ToList();
            if (codes.Count == 0)
            {
                output.WriteError(new EngineError("InvalidAadstsCode", ErrorKind.InvalidData,
                    $"The record's {codePath} is {Quote(RecordReader.AsText(codeValue) ?? string.Empty)}, which is not an AADSTS code; expected a number such as 50126.", record));
                return 0;
            }

            if (codes.All(c => c == 0))
            {
                output.WriteVerbose($"Skipped a successful sign-in ({codePath} is 0): there is no error to explain.");
                return 0;
            }

            string? trace = Text(record, TracePaths);
            string? correlation = Text(record, CorrelationPaths);
            string? user = Text(record, UserPaths);
            string? app = Text(record, AppPaths);
            string? reason = Text(record, ReasonPaths);
            string? time = null;
            DateTimeOffset? timeUtc = null;
            if (RecordReader.TryGetFirst(record, TimePaths, out object? timeValue, out _))
            {
                time = RecordReader.AsText(timeValue);
                timeUtc = timeValue switch
                {
                    DateTimeOffset d => d.ToUniversalTime(),
                    DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
                    _ => DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed) ? parsed : (DateTimeOffset?)null,
                };
            }

            int written = 0;
            foreach (int code in codes.Where(c => c != 0))
            {
                Write(ForCode(code, "Record").WithRecord(reason, trace, correlation, time, timeUtc, user, app), output);
                written++;
            }

            return written;
        }

        private static IEnumerable<int> CodesIn(object? value)
        {
            switch (value)
            {
                case JsonElement element when element.ValueKind == JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        foreach (int code in CodesIn(item))
                        {
                            yield return code;
                        }
                    }

                    yield break;
                case IEnumerable sequence when !(value is string):
                    foreach (object? item in sequence)
                    {
                        foreach (int code in CodesIn(item))
                        {
                            yield return code;
                        }
                    }

                    yield break;
                default:
                    string? text = RecordReader.AsText(value);
                    if (text == "0")
                    {
                        yield return 0;
                    }
                    else if (ErrorTextParser.TryParseCode(text, out int code))
                    {
                        yield return code;
                    }

                    yield break;
            }
        }

        private static string? Text(object record, string[] paths) =>
            RecordReader.TryGetFirst(record, paths, out object? value, out _) ? RecordReader.AsText(value) : null;

        private void Write(AadstsTools.Guidance guidance, IEngineOutput output)
        {
            if (!guidance.IsKnown)
            {
                output.WriteWarning($"AADSTS{guidance.Code} is not in the AadstsTools catalog. Microsoft's lookup page may know it: {guidance.LookupUrl}");
            }

            output.WriteObject(guidance);
        }

        private static CatalogEntry UnknownEntry(int code)
        {
            var entry = new CatalogEntry(code, null)
            {
                Summary = $"AADSTS{code} is not in this module's catalog. It may be new, rare or internal: look it up on Microsoft's error page, and search the sign-in log for the request to read its failure reason.",
                Category = GuidanceCategory.Unknown,
                FixedBy = new[] { Fixer.Admin },
            };
            entry.Title = "Unknown code";
            return entry;
        }

        private static int Score(CatalogEntry entry, string term)
        {
            if (entry.Code.HasValue && entry.Code.Value.ToString(CultureInfo.InvariantCulture) == term)
            {
                return 100;
            }

            int score = 0;
            if (Contains(entry.Name, term) || entry.Aliases.Any(a => Contains(a, term)))
            {
                score += 10;
            }

            if (Contains(entry.Title, term) || Contains(entry.Topic, term))
            {
                score += 8;
            }

            if (Contains(entry.Summary, term))
            {
                score += 4;
            }

            if (Contains(entry.Category.ToDisplayName(), term) || Contains(entry.Category.ToString(), term))
            {
                score += 2;
            }

            if (entry.Causes.Any(c => Contains(c, term)))
            {
                score += 2;
            }

            if (entry.Code.HasValue && entry.Code.Value.ToString(CultureInfo.InvariantCulture).StartsWith(term, StringComparison.Ordinal))
            {
                score += 1;
            }

            return score;
        }

        private static bool Contains(string? haystack, string term) =>
            haystack != null && haystack.IndexOf(term, StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Quote(string text)
        {
            string oneLine = text.Replace("\r", " ").Replace("\n", " ").Trim();
            if (oneLine.Length == 0)
            {
                return "'' (empty)";
            }

            return oneLine.Length <= 120 ? $"'{oneLine}'" : $"'{oneLine.Substring(0, 117)}...' ({text.Length:N0} characters)";
        }
    }
}
