using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AadstsTools.Catalog
{
    /// <summary>
    /// The AADSTS catalog: built-in entries (embedded, loaded once on first use) plus, optionally, an
    /// organisation overlay that adds entries or overrides built-in fields.
    /// </summary>
    public sealed class GuidanceCatalog
    {
        /// <summary>The environment variable that names an overlay file when no path is given.</summary>
        public const string OverlayVariable = "AADSTS_CATALOG_OVERLAY";

        private static readonly Lazy<GuidanceCatalog> LazyBuiltIn = new Lazy<GuidanceCatalog>(LoadBuiltIn);
        private static readonly object OverlayCacheLock = new object();
        private static (string Path, DateTime Written, long Length, GuidanceCatalog Catalog)? _overlayCache;

        private readonly Dictionary<string, CatalogEntryDocument> _documents;
        private readonly Dictionary<int, CatalogEntry> _byCode;
        private readonly Dictionary<string, CatalogEntry> _byTopic;
        private readonly HashSet<string> _builtInKeys;

        private GuidanceCatalog(Dictionary<string, CatalogEntryDocument> documents, Dictionary<string, List<string>> overlaySources, HashSet<string> builtInKeys, IReadOnlyList<string> overlayFiles)
        {
            _documents = documents;
            _builtInKeys = builtInKeys;
            OverlayFiles = overlayFiles;
            _byCode = new Dictionary<int, CatalogEntry>();
            _byTopic = new Dictionary<string, CatalogEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in documents)
            {
                overlaySources.TryGetValue(pair.Key, out List<string>? sources);
                CatalogEntry entry = Resolve(pair.Value, sources);
                if (entry.Code.HasValue)
                {
                    _byCode[entry.Code.Value] = entry;
                }
                else
                {
                    _byTopic[entry.Topic!] = entry;
                }
            }

            Entries = _byCode.Values.OrderBy(e => e.Code).Concat(_byTopic.Values.OrderBy(e => e.Topic, StringComparer.Ordinal)).ToList();
        }

        /// <summary>The built-in catalog, without any overlay.</summary>
        public static GuidanceCatalog BuiltIn => LazyBuiltIn.Value;

        /// <summary>All entries: codes in numeric order, then topics.</summary>
        public IReadOnlyList<CatalogEntry> Entries { get; }

        /// <summary>The overlay files merged into this catalog (none for the built-in one).</summary>
        public IReadOnlyList<string> OverlayFiles { get; }

        public int Count => Entries.Count;

        /// <summary>
        /// The catalog to use: the built-in one, merged with the overlay at <paramref name="overlayPath"/>, or
        /// with the file named by <see cref="OverlayVariable"/> when no path is given. A merged catalog is
        /// cached until the file changes.
        /// </summary>
        /// <exception cref="CatalogFileException">The overlay is missing or malformed (the built-in catalog is unaffected).</exception>
        public static GuidanceCatalog Load(string? overlayPath = null)
        {
            string? path = string.IsNullOrWhiteSpace(overlayPath) ? Environment.GetEnvironmentVariable(OverlayVariable) : overlayPath;
            if (string.IsNullOrWhiteSpace(path))
            {
                return BuiltIn;
            }

            string fullPath = Path.GetFullPath(path!);
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                throw new CatalogFileException(fullPath, 0, "the overlay file does not exist.");
            }

            lock (OverlayCacheLock)
            {
                if (_overlayCache is { } cached && cached.Path == fullPath && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
                {
                    return cached.Catalog;
                }
            }

            GuidanceCatalog merged = BuiltIn.WithOverlay(fullPath);
            lock (OverlayCacheLock)
            {
                _overlayCache = (fullPath, info.LastWriteTimeUtc, info.Length, merged);
            }

            return merged;
        }

        public bool TryGetCode(int code, out CatalogEntry entry) => _byCode.TryGetValue(code, out entry!);

        public bool TryGetTopic(string topic, out CatalogEntry entry) => _byTopic.TryGetValue(topic, out entry!);

        /// <summary>True for entries that come with the module (not added by an overlay).</summary>
        public bool IsBuiltIn(CatalogEntry entry) => _builtInKeys.Contains(entry.Key);

        /// <summary>A new catalog: this one with the overlay file's entries merged field by field.</summary>
        public GuidanceCatalog WithOverlay(string path)
        {
            IReadOnlyList<CatalogEntryDocument> overlay = CatalogLoader.ReadOverlay(path, key => _documents.ContainsKey(key));
            var documents = new Dictionary<string, CatalogEntryDocument>(_documents, StringComparer.Ordinal);
            var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (CatalogEntryDocument amendment in overlay)
            {
                string key = CatalogLoader.KeyOf(amendment)!;
                documents[key] = documents.TryGetValue(key, out CatalogEntryDocument? original) ? Merge(original, amendment) : amendment;
                sources[key] = new List<string> { path };
            }

            return new GuidanceCatalog(documents, sources, _builtInKeys, OverlayFiles.Concat(new[] { path }).ToList());
        }

        private static GuidanceCatalog LoadBuiltIn()
        {
            var documents = new Dictionary<string, CatalogEntryDocument>(StringComparer.Ordinal);
            var origin = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (source, entries) in CatalogLoader.ReadBuiltIn())
            {
                foreach (CatalogEntryDocument entry in entries)
                {
                    string key = CatalogLoader.KeyOf(entry)!;
                    if (origin.TryGetValue(key, out string? first))
                    {
                        throw new CatalogFileException(source, 0, $"'{key}' is already defined in {first}; each code or topic belongs to one file.");
                    }

                    origin[key] = source;
                    documents[key] = entry;
                }
            }

            return new GuidanceCatalog(documents, new Dictionary<string, List<string>>(), new HashSet<string>(documents.Keys, StringComparer.Ordinal), Array.Empty<string>());
        }

        /// <summary>Field by field: what the overlay sets wins, what it leaves out stays.</summary>
        private static CatalogEntryDocument Merge(CatalogEntryDocument original, CatalogEntryDocument overlay) => new CatalogEntryDocument
        {
            Code = original.Code,
            Topic = original.Topic,
            Title = overlay.Title ?? original.Title,
            Name = overlay.Name ?? original.Name,
            Aliases = overlay.Aliases ?? original.Aliases,
            Summary = overlay.Summary ?? original.Summary,
            Category = overlay.Category ?? original.Category,
            FixedBy = overlay.FixedBy ?? original.FixedBy,
            RetryMayHelp = overlay.RetryMayHelp ?? original.RetryMayHelp,
            Benign = overlay.Benign ?? original.Benign,
            Documented = overlay.Documented ?? original.Documented,
            Causes = overlay.Causes ?? original.Causes,
            Diagnosis = overlay.Diagnosis ?? original.Diagnosis,
            UserSteps = overlay.UserSteps ?? original.UserSteps,
            AdminSteps = overlay.AdminSteps ?? original.AdminSteps,
            RelatedCommands = overlay.RelatedCommands ?? original.RelatedCommands,
            Links = overlay.Links ?? original.Links,
            SeeAlso = overlay.SeeAlso ?? original.SeeAlso,
        };

        private static CatalogEntry Resolve(CatalogEntryDocument d, List<string>? overlaySources)
        {
            var entry = new CatalogEntry(d.Code, d.Code.HasValue ? null : d.Topic)
            {
                Name = string.IsNullOrWhiteSpace(d.Name) ? null : d.Name,
                Aliases = d.Aliases?.ToArray() ?? Array.Empty<string>(),
                Summary = d.Summary ?? string.Empty,
                Category = GuidanceCategoryNames.TryParse(d.Category, out GuidanceCategory category) ? category : GuidanceCategory.Unknown,
                FixedBy = (d.FixedBy ?? new List<string> { nameof(Fixer.Admin) })
                    .Select(f => CatalogLoader.TryParseFixer(f, out Fixer fixer) ? fixer : Fixer.Admin).Distinct().ToArray(),
                RetryMayHelp = d.RetryMayHelp ?? false,
                Benign = d.Benign ?? false,
                Documented = d.Documented ?? true,
                Causes = d.Causes?.ToArray() ?? Array.Empty<string>(),
                Diagnosis = d.Diagnosis?.ToArray() ?? Array.Empty<string>(),
                UserSteps = d.UserSteps?.ToArray() ?? Array.Empty<string>(),
                AdminSteps = d.AdminSteps?.ToArray() ?? Array.Empty<string>(),
                RelatedCommands = d.RelatedCommands?.Select(c => new RelatedCommand(c.Command!.Trim(), c.Parameters?.Trim(), c.Purpose!.Trim())).ToArray() ?? Array.Empty<RelatedCommand>(),
                Links = d.Links?.Select(l => new GuidanceLink(l.Title!.Trim(), l.Url!.Trim())).ToArray() ?? Array.Empty<GuidanceLink>(),
                SeeAlso = d.SeeAlso?.ToArray() ?? Array.Empty<string>(),
                OverlaySources = overlaySources?.ToArray() ?? Array.Empty<string>(),
            };
            entry.Title = !string.IsNullOrWhiteSpace(d.Title) ? d.Title! : entry.Name ?? FirstSentence(entry.Summary);
            return entry;
        }

        private static string FirstSentence(string text)
        {
            int end = text.IndexOf(". ", StringComparison.Ordinal);
            string sentence = end > 0 ? text.Substring(0, end) : text.TrimEnd('.');
            return sentence.Length <= 80 ? sentence : sentence.Substring(0, 77).TrimEnd() + "...";
        }
    }
}
