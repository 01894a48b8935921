using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace AadstsTools.Build
{
    /// <summary>The one version number, from Directory.Build.props: "1.2.0" or "1.2.0-beta1".</summary>
    public sealed class ModuleVersion
    {
        private ModuleVersion(string full, Version numeric, string? prerelease)
        {
            Full = full;
            Numeric = numeric;
            Prerelease = prerelease;
        }

        /// <summary>As written, e.g. "1.2.0-beta1": the package version.</summary>
        public string Full { get; }

        /// <summary>The manifest's ModuleVersion and the module folder's name.</summary>
        public Version Numeric { get; }

        /// <summary>PSData.Prerelease, or null for a release.</summary>
        public string? Prerelease { get; }

        public static ModuleVersion Read(string buildPropsPath)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(buildPropsPath);
            }
            catch (Exception ex) when (ex is IOException || ex is System.Xml.XmlException)
            {
                throw new BuildException(buildPropsPath + ": cannot read it (" + ex.Message + ").");
            }

            string? text = document.Descendants("Version").Select(v => v.Value.Trim()).FirstOrDefault();
            if (string.IsNullOrEmpty(text))
            {
                throw new BuildException(buildPropsPath + ": no <Version> property; expected e.g. <Version>1.2.0</Version>.");
            }

            return Parse(text, buildPropsPath);
        }

        public static ModuleVersion Parse(string text, string source)
        {
            int dash = text.IndexOf('-', StringComparison.Ordinal);
            string numericPart = dash < 0 ? text : text.Substring(0, dash);
            string? prerelease = dash < 0 ? null : text.Substring(dash + 1);
            if (!Version.TryParse(numericPart, out Version? numeric) || numeric.Build < 0 || numeric.Revision >= 0)
            {
                throw new BuildException(source + ": Version '" + text + "' is not major.minor.patch (with an optional -prerelease).");
            }

            if (prerelease != null && (prerelease.Length == 0 || !prerelease.All(char.IsAsciiLetterOrDigit)))
            {
                throw new BuildException(source + ": Version '" + text + "' has the prerelease label '" + prerelease + "'; it must be letters and digits only (PowerShell Gallery rule).");
            }

            return new ModuleVersion(text, numeric, prerelease);
        }

        public override string ToString() => Full;
    }
}
