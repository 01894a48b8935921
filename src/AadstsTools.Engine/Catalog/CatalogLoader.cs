using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AadstsTools.Catalog
{
    /// <summary>Reads catalog files (built-in resources and overlays), checks them and merges them.</summary>
    internal static class CatalogLoader
    {
        private const string ResourcePrefix = "AadstsTools.Catalog.Data.";
        private static readonly Regex TopicPattern = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        /// <summary>The built-in files, in name order, as (name, entries).</summary>
        public static IEnumerable<(string Source, IReadOnlyList<CatalogEntryDocument> Entries)> ReadBuiltIn()
        {
            Assembly assembly = typeof(CatalogLoader).Assembly;
            foreach (string name in assembly.GetManifestResourceNames()
                         .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                         .OrderBy(n => n, StringComparer.Ordinal))
            {
                using Stream stream = assembly.GetManifestResourceStream(name)!;
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                string source = name.Substring(ResourcePrefix.Length);
                yield return (source, Parse(memory.ToArray(), source, complete: true));
            }
        }

        /// <summary>Reads an overlay file; entries may be partial when they amend a built-in entry.</summary>
        public static IReadOnlyList<CatalogEntryDocument> ReadOverlay(string path, Func<string, bool> isBuiltIn)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new CatalogFileException(path, 0, "the file can't be read: " + ex.Message, ex);
            }

            return Parse(bytes, path, complete: false, isBuiltIn);
        }

        internal static IReadOnlyList<CatalogEntryDocument> Parse(byte[] bytes, string source, bool complete, Func<string, bool>? isBuiltIn = null)
        {
            ReadOnlySpan<byte> json = bytes;
            if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
            {
                json = json.Slice(3);
            }

            if (json.IsEmpty)
            {
                throw new CatalogFileException(source, 0, "the file is empty; expected a JSON object { \"entries\": [ ... ] }.");
            }

            CatalogDocument? document;
            try
            {
                document = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.CatalogDocument);
            }
            catch (JsonException ex)
            {
                throw new CatalogFileException(source, (int)(ex.LineNumber ?? -1) + 1, DescribeJsonProblem(ex), ex);
            }

            if (document?.Entries == null)
            {
                throw new CatalogFileException(source, 1, "expected a JSON object with an \"entries\" array.");
            }

            var problems = new List<(int Index, string? Field, string Problem)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < document.Entries.Count; i++)
            {
                CatalogEntryDocument? entry = document.Entries[i];
                if (entry == null)
                {
                    problems.Add((i, null, "an entry is null; expected an object."));
                    continue;
                }

                string? key = KeyOf(entry);
                bool mustBeComplete = complete || (key != null && isBuiltIn != null && !isBuiltIn(key));
                Check(entry, mustBeComplete, (field, problem) => problems.Add((i, field, problem)));
                if (key != null && !seen.Add(key))
                {
                    problems.Add((i, entry.Code.HasValue ? "code" : "topic", $"'{key}' appears twice in this file."));
                }
            }

            if (problems.Count > 0)
            {
                var positions = JsonEntryPositions.Scan(json);
                var (index, field, problem) = problems[0];
                string more = problems.Count > 1 ? $" ({problems.Count - 1} more problem(s) in this file)" : string.Empty;
                string which = DescribeEntry(document.Entries[index], index);
                throw new CatalogFileException(source, positions.LineOf(index, field), which + ": " + problem + more);
            }

            return document.Entries;
        }

        internal static string? KeyOf(CatalogEntryDocument entry) =>
            entry.Code.HasValue ? entry.Code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : entry.Topic;

        private static string DescribeEntry(CatalogEntryDocument? entry, int index) =>
            entry?.Code != null ? $"entry {index + 1} (code {entry.Code})"
            : entry?.Topic != null ? $"entry {index + 1} (topic '{entry.Topic}')"
            : $"entry {index + 1}";

        private static void Check(CatalogEntryDocument entry, bool complete, Action<string?, string> problem)
        {
            if (entry.Code.HasValue == (entry.Topic != null))
            {
                problem(entry.Code.HasValue ? "topic" : null, "an entry needs exactly one of \"code\" (an AADSTS number) or \"topic\" (an id such as \"sspr-licensing\").");
                return;
            }

            if (entry.Code.HasValue && (entry.Code.Value <= 0 || entry.Code.Value > 99999999))
            {
                problem("code", $"code {entry.Code} is not an AADSTS number; expected a positive number such as 50126.");
            }

            if (entry.Topic != null && !TopicPattern.IsMatch(entry.Topic))
            {
                problem("topic", $"topic '{entry.Topic}' must be lower-case words joined by dashes, e.g. \"sspr-licensing\".");
            }

            if (entry.Category != null && !GuidanceCategoryNames.TryParse(entry.Category, out _))
            {
                problem("category", $"category '{entry.Category}' is not one of: {GuidanceCategoryNames.AllowedNames}.");
            }

            if (entry.FixedBy != null)
            {
                foreach (string who in entry.FixedBy)
                {
                    if (!TryParseFixer(who, out _))
                    {
                        problem("fixedBy", $"fixedBy value '{who}' is not one of: User, Admin, AppDeveloper.");
                    }
                }
            }

            if (entry.RelatedCommands != null)
            {
                foreach (RelatedCommandDocument? command in entry.RelatedCommands)
                {
                    if (command == null || string.IsNullOrWhiteSpace(command.Command) || string.IsNullOrWhiteSpace(command.Purpose))
                    {
                        problem("relatedCommands", "each related command needs \"command\" and \"purpose\".");
                    }
                }
            }

            if (entry.Links != null)
            {
                foreach (LinkDocument? link in entry.Links)
                {
                    if (link == null || string.IsNullOrWhiteSpace(link.Title) || !Uri.TryCreate(link.Url, UriKind.Absolute, out Uri? uri)
                        || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                    {
                        problem("links", $"each link needs a \"title\" and an absolute http(s) \"url\" (got '{link?.Url}').");
                    }
                }
            }

            CheckStrings(entry.Aliases, "aliases", problem);
            CheckStrings(entry.Causes, "causes", problem);
            CheckStrings(entry.Diagnosis, "diagnosis", problem);
            CheckStrings(entry.UserSteps, "userSteps", problem);
            CheckStrings(entry.AdminSteps, "adminSteps", problem);
            CheckStrings(entry.SeeAlso, "seeAlso", problem);

            if (complete)
            {
                if (string.IsNullOrWhiteSpace(entry.Summary))
                {
                    problem("summary", "a new entry needs a \"summary\".");
                }

                if (entry.Category == null)
                {
                    problem(null, "a new entry needs a \"category\" (" + GuidanceCategoryNames.AllowedNames + ").");
                }

                if (entry.Topic != null && string.IsNullOrWhiteSpace(entry.Title))
                {
                    problem("topic", "a topic needs a \"title\".");
                }
            }
        }

        private static void CheckStrings(List<string>? values, string field, Action<string?, string> problem)
        {
            if (values != null && values.Any(string.IsNullOrWhiteSpace))
            {
                problem(field, $"\"{field}\" must hold non-empty strings.");
            }
        }

        internal static bool TryParseFixer(string? text, out Fixer fixer)
        {
            fixer = Fixer.Admin;
            if (text == null)
            {
                return false;
            }

            string compact = text.Replace(" ", string.Empty);
            return Enum.TryParse(compact, ignoreCase: true, out fixer) && Enum.IsDefined(typeof(Fixer), fixer)
                && !int.TryParse(compact, out _);
        }

        private static string DescribeJsonProblem(JsonException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            }

            if (cut > 0)
            {
                message = message.Substring(0, cut).TrimEnd();
            }

            // The serializer names its own types; people editing the file know the JSON field path.
            message = Regex.Replace(message, @"\s*to type '[^']*'", string.Empty);
            message = Regex.Replace(message, @" contained in type '[^']*'", string.Empty);
            return string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? message : $"{message} (at {ex.Path})";
        }
    }
}
