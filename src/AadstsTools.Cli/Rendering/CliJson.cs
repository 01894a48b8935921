using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>Results as JSON for machines (--json): camelCase names, enums as text, nulls left out.</summary>
    internal static class CliJson
    {
        /// <summary>The generated metadata, writing non-ASCII and quotes as they are (the output is not HTML).</summary>
        public static CliJsonContext Context { get; } = new CliJsonContext(new JsonSerializerOptions(CliJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> type) => writer.WriteLine(JsonSerializer.Serialize(value, type));
    }

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        UseStringEnumConverter = true)]
    [JsonSerializable(typeof(List<AadstsTools.Guidance>))]
    [JsonSerializable(typeof(AadstsTools.SignInReadiness))]
    [JsonSerializable(typeof(ResetRow))]
    [JsonSerializable(typeof(AadstsTools.SignInFailure))]
    [JsonSerializable(typeof(TriageSummaryJson))]
    internal sealed partial class CliJsonContext : JsonSerializerContext
    {
    }
}
