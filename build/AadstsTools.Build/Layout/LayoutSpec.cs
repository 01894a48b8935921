using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AadstsTools.Build.Layout
{
    /// <summary>
    /// build/module-layout.json: the explicit list of every file of the module folder. "root" is relative to the
    /// folder; "dependencies" are the files of its Dependencies/ folder. Nothing else may be in the folder and
    /// nothing listed may be missing.
    /// </summary>
    public sealed class LayoutSpec
    {
        public const string DependenciesFolder = "Dependencies";

        private LayoutSpec(string path, IReadOnlyList<string> root, IReadOnlyList<string> dependencies)
        {
            Path = path;
            Root = root;
            Dependencies = dependencies;
        }

        public string Path { get; }

        public IReadOnlyList<string> Root { get; }

        public IReadOnlyList<string> Dependencies { get; }

        /// <summary>Every file of the module folder, relative, with '/' separators.</summary>
        public IReadOnlyList<string> AllFiles =>
            Root.Concat(Dependencies.Select(d => DependenciesFolder + "/" + d)).OrderBy(f => f, StringComparer.Ordinal).ToList();

        /// <summary>The simple names of the assemblies in Dependencies/ ("Azure.Core" for Azure.Core.dll).</summary>
        public IReadOnlyList<string> DependencyAssemblyNames =>
            Dependencies.Where(d => d.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Select(d => System.IO.Path.GetFileNameWithoutExtension(d))
                .ToList();

        public IReadOnlyList<string> RootFormatFiles =>
            Root.Where(f => f.EndsWith(".format.ps1xml", StringComparison.OrdinalIgnoreCase)).ToList();

        public static LayoutSpec Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new BuildException(path + ": the module's file list is missing.");
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                return new LayoutSpec(path, Strings(document.RootElement, "root", path), Strings(document.RootElement, "dependencies", path));
            }
            catch (JsonException ex)
            {
                throw new BuildException(path + ": not valid JSON (" + ex.Message + ").");
            }
        }

        private static IReadOnlyList<string> Strings(JsonElement root, string property, string path)
        {
            if (!root.TryGetProperty(property, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new BuildException(path + ": expected an array \"" + property + "\" of file names.");
            }

            var names = array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
            string? bad = names.FirstOrDefault(n => n.Length == 0 || n.Contains('\\', StringComparison.Ordinal) || n.StartsWith('/') || n.Contains("..", StringComparison.Ordinal));
            if (bad != null)
            {
                throw new BuildException(path + ": \"" + property + "\" has '" + bad + "'; expected relative paths with '/' separators.");
            }

            string? duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault();
            if (duplicate != null)
            {
                throw new BuildException(path + ": \"" + property + "\" lists '" + duplicate + "' twice.");
            }

            return names;
        }
    }
}
