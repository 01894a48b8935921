using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AadstsTools.Build.Manifest
{
    /// <summary>The module manifest (AadstsTools.psd1): its text, and the keys the build and the checks read.</summary>
    public sealed class ModuleManifest
    {
        private static readonly Regex ModuleVersionLine = new Regex(@"(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", RegexOptions.CultureInvariant);
        private static readonly Regex PSDataOpening = new Regex(@"(?m)^(\s*)PSData\s*=\s*@\{[ \t]*\r?\n", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, object?> _values;

        private ModuleManifest(string path, string text, Dictionary<string, object?> values)
        {
            Path = path;
            Text = text;
            _values = values;
        }

        public string Path { get; }

        public string Text { get; }

        public string? RootModule => String("RootModule");

        public string? ModuleVersion => String("ModuleVersion");

        public string? Guid => String("GUID");

        public string? Author => String("Author");

        public string? CompanyName => String("CompanyName");

        public string? Copyright => String("Copyright");

        public string? Description => String("Description");

        public string? PowerShellVersion => String("PowerShellVersion");

        public IReadOnlyList<string> CompatiblePSEditions => List("CompatiblePSEditions");

        public IReadOnlyList<string> CmdletsToExport => List("CmdletsToExport");

        public IReadOnlyList<string> FunctionsToExport => List("FunctionsToExport");

        public IReadOnlyList<string> AliasesToExport => List("AliasesToExport");

        public IReadOnlyList<string> VariablesToExport => List("VariablesToExport");

        public IReadOnlyList<string> FormatsToProcess => List("FormatsToProcess");

        public bool Has(string key) => _values.ContainsKey(key);

        public IReadOnlyList<string> Tags => List(PSData, "Tags");

        public string? ReleaseNotes => String(PSData, "ReleaseNotes");

        public string? ProjectUri => String(PSData, "ProjectUri");

        public string? LicenseUri => String(PSData, "LicenseUri");

        public string? Prerelease => String(PSData, "Prerelease");

        private Dictionary<string, object?> PSData =>
            _values.TryGetValue("PrivateData", out object? privateData) && privateData is Dictionary<string, object?> p
            && p.TryGetValue("PSData", out object? psData) && psData is Dictionary<string, object?> d
                ? d
                : new Dictionary<string, object?>();

        public static ModuleManifest Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new BuildException(path + ": the module manifest is missing.");
            }

            return Parse(File.ReadAllText(path), path);
        }

        public static ModuleManifest Parse(string text, string path) => new ModuleManifest(path, text, PowerShellDataFile.Parse(text, path));

        /// <summary>The manifest with ModuleVersion (and PSData.Prerelease for a prerelease) set; the rest of the text untouched.</summary>
        public ModuleManifest WithVersion(ModuleVersion version)
        {
            if (!ModuleVersionLine.IsMatch(Text))
            {
                throw new BuildException(Path + ": no line ModuleVersion = '...' to stamp the version into.");
            }

            string text = ModuleVersionLine.Replace(Text, "${1}'" + version.Numeric + "'", 1);
            if (version.Prerelease != null)
            {
                if (Has("PrivateData") && Prerelease != null)
                {
                    throw new BuildException(Path + ": remove PSData.Prerelease; the build sets it from Directory.Build.props.");
                }

                Match psData = PSDataOpening.Match(text);
                if (!psData.Success)
                {
                    throw new BuildException(Path + ": no 'PSData = @{' line to add Prerelease = '" + version.Prerelease + "' under.");
                }

                string indent = psData.Groups[1].Value + "    ";
                text = text.Insert(psData.Index + psData.Length, indent + "Prerelease = '" + version.Prerelease + "'" + Environment.NewLine);
            }

            return Parse(text, Path);
        }

        private string? String(string key) => String(_values, key);

        private IReadOnlyList<string> List(string key) => List(_values, key);

        private static string? String(Dictionary<string, object?> values, string key) =>
            values.TryGetValue(key, out object? value) ? value as string : null;

        private static IReadOnlyList<string> List(Dictionary<string, object?> values, string key)
        {
            if (!values.TryGetValue(key, out object? value) || value == null)
            {
                return Array.Empty<string>();
            }

            return value is List<object?> items ? items.Select(i => Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList() : new[] { value.ToString() ?? string.Empty };
        }
    }
}
