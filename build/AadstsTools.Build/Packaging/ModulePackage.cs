using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using AadstsTools.Build.Manifest;

namespace AadstsTools.Build.Packaging
{
    /// <summary>
    /// Packs a laid-out module folder into AadstsTools.&lt;version&gt;.nupkg: the module's files at the package root,
    /// the .nuspec beside them, and the Open Packaging Conventions parts NuGet writes ([Content_Types].xml,
    /// _rels/.rels, the core properties), so Publish-PSResource -NupkgPath and nuget push accept it. Entries are
    /// sorted and time-stamped alike, so the same folder always gives the same bytes.
    /// </summary>
    public static class ModulePackage
    {
        private static readonly DateTimeOffset EntryTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
        private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        private static readonly XNamespace CoreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

        public static string FileName(ModuleVersion version) => RepositoryPaths.ModuleName + "." + version.Full + ".nupkg";

        /// <summary>Writes the package into <paramref name="outputFolder"/> and returns its path.</summary>
        public static string Create(string moduleFolder, string outputFolder)
        {
            string manifestPath = Path.Combine(moduleFolder, RepositoryPaths.ModuleName + ".psd1");
            ModuleManifest manifest = ModuleManifest.Load(manifestPath);
            ModuleVersion version = ModuleVersion.Parse(
                manifest.ModuleVersion + (manifest.Prerelease == null ? string.Empty : "-" + manifest.Prerelease),
                manifestPath);
            string folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleFolder)));
            if (folderName != version.Numeric.ToString())
            {
                throw new BuildException(moduleFolder + ": the module folder is named '" + folderName + "' but its manifest says " + version.Numeric + "; lay it out again.");
            }

            List<string> files = Directory.GetFiles(moduleFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(moduleFolder, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

            Directory.CreateDirectory(outputFolder);
            string target = Path.Combine(outputFolder, FileName(version));
            string partial = target + ".partial";
            string nuspecName = RepositoryPaths.ModuleName + ".nuspec";
            string propertiesName = "package/services/metadata/core-properties/" + Hex(RepositoryPaths.ModuleName + version.Full) + ".psmdcp";
            XDocument nuspec = Nuspec.Create(manifest, version);

            using (FileStream stream = File.Create(partial))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                AddXml(zip, "_rels/.rels", Rels(nuspecName, propertiesName));
                AddXml(zip, nuspecName, nuspec);
                foreach (string file in files)
                {
                    ZipArchiveEntry entry = zip.CreateEntry(Uri.EscapeDataString(file).Replace("%2F", "/", StringComparison.Ordinal), CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    using Stream target2 = entry.Open();
                    using FileStream source = File.OpenRead(Path.Combine(moduleFolder, file));
                    source.CopyTo(target2);
                }

                AddXml(zip, propertiesName, Properties(nuspec));
                AddXml(zip, "[Content_Types].xml", Types(files.Append(nuspecName)));
            }

            File.Move(partial, target, overwrite: true);
            return target;
        }

        private static XDocument Rels(string nuspecName, string propertiesName) =>
            new XDocument(new XElement(
                Relationships + "Relationships",
                new XElement(
                    Relationships + "Relationship",
                    new XAttribute("Type", "http://schemas.microsoft.com/packaging/2010/07/manifest"),
                    new XAttribute("Target", "/" + nuspecName),
                    new XAttribute("Id", "R" + Hex(nuspecName).Substring(0, 16))),
                new XElement(
                    Relationships + "Relationship",
                    new XAttribute("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
                    new XAttribute("Target", "/" + propertiesName),
                    new XAttribute("Id", "R" + Hex(propertiesName).Substring(0, 16)))));

        private static XDocument Properties(XDocument nuspec)
        {
            XElement metadata = nuspec.Root!.Element(Nuspec.Namespace + "metadata")!;
            string Value(string name) => (string?)metadata.Element(Nuspec.Namespace + name) ?? string.Empty;
            return new XDocument(new XElement(
                CoreProperties + "coreProperties",
                new XAttribute(XNamespace.Xmlns + "dc", DublinCore),
                new XElement(DublinCore + "creator", Value("authors")),
                new XElement(DublinCore + "description", Value("description")),
                new XElement(DublinCore + "identifier", Value("id")),
                new XElement(CoreProperties + "version", Value("version")),
                new XElement(CoreProperties + "keywords", Value("tags")),
                new XElement(CoreProperties + "lastModifiedBy", "AadstsTools.Build")));
        }

        private static XDocument Types(IEnumerable<string> files)
        {
            var types = new XElement(
                ContentTypes + "Types",
                new XElement(ContentTypes + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
                new XElement(ContentTypes + "Default", new XAttribute("Extension", "psmdcp"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.core-properties+xml")));
            foreach (string extension in files.Select(f => Path.GetExtension(f).TrimStart('.')).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(e => e, StringComparer.Ordinal))
            {
                types.Add(new XElement(ContentTypes + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", "application/octet")));
            }

            return new XDocument(types);
        }

        private static void AddXml(ZipArchive zip, string name, XDocument document)
        {
            ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            document.Save(writer);
        }

        private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))).Substring(0, 32);
    }
}
