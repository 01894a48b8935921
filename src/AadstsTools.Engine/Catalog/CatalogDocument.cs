using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AadstsTools.Catalog
{
    // The file shape, shared by the built-in files and organisation overlays. Every field is nullable:
    // in an overlay, a field that is absent leaves the built-in value alone.

    internal sealed class CatalogDocument
    {
        public List<CatalogEntryDocument>? Entries { get; set; }
    }

    internal sealed class CatalogEntryDocument
    {
        public int? Code { get; set; }
        public string? Topic { get; set; }
        public string? Title { get; set; }
        public string? Name { get; set; }
        public List<string>? Aliases { get; set; }
        public string? Summary { get; set; }
        public string? Category { get; set; }
        public List<string>? FixedBy { get; set; }
        public bool? RetryMayHelp { get; set; }
        public bool? Benign { get; set; }
        public bool? Documented { get; set; }
        public List<string>? Causes { get; set; }
        public List<string>? Diagnosis { get; set; }
        public List<string>? UserSteps { get; set; }
        public List<string>? AdminSteps { get; set; }
        public List<RelatedCommandDocument>? RelatedCommands { get; set; }
        public List<LinkDocument>? Links { get; set; }
        public List<string>? SeeAlso { get; set; }
    }

    internal sealed class RelatedCommandDocument
    {
        public string? Command { get; set; }
        public string? Parameters { get; set; }
        public string? Purpose { get; set; }
    }

    internal sealed class LinkDocument
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
    }

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true)]
    [JsonSerializable(typeof(CatalogDocument))]
    internal sealed partial class CatalogJsonContext : JsonSerializerContext
    {
    }
}
