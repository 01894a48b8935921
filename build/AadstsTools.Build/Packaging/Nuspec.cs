using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using AadstsTools.Build.Manifest;

namespace AadstsTools.Build.Packaging
{
    /// <summary>
    /// The .nuspec of a PowerShell module package, as Publish-Module/Publish-PSResource write it: id, version,
    /// authors, description and tags from the manifest, plus the Gallery's discovery tags (PSModule,
    /// PSIncludes_Cmdlet, and PSCmdlet_X / PSCommand_X for each exported cmdlet).
    /// </summary>
    public static class Nuspec
    {
        public static readonly XNamespace Namespace = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";

        public static XDocument Create(ModuleManifest manifest, ModuleVersion version)
        {
            string id = RepositoryPaths.ModuleName;
            var metadata = new XElement(
                Namespace + "metadata",
                new XElement(Namespace + "id", id),
                new XElement(Namespace + "version", version.Full),
                new XElement(Namespace + "authors", Required(manifest.Author, "Author", manifest)),
                new XElement(Namespace + "owners", manifest.CompanyName ?? manifest.Author),
                new XElement(Namespace + "requireLicenseAcceptance", "false"),
                new XElement(Namespace + "description", Required(manifest.Description, "Description", manifest)));
            if (manifest.ReleaseNotes != null)
            {
                metadata.Add(new XElement(Namespace + "releaseNotes", manifest.ReleaseNotes));
            }

            if (manifest.Copyright != null)
            {
                metadata.Add(new XElement(Namespace + "copyright", manifest.Copyright));
            }

            metadata.Add(new XElement(Namespace + "tags", string.Join(" ", Tags(manifest))));
            if (manifest.ProjectUri != null)
            {
                metadata.Add(new XElement(Namespace + "projectUrl", manifest.ProjectUri));
            }

            if (manifest.LicenseUri != null)
            {
                metadata.Add(new XElement(Namespace + "licenseUrl", manifest.LicenseUri));
            }

            return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Namespace + "package", metadata));
        }

        public static IReadOnlyList<string> Tags(ModuleManifest manifest)
        {
            var tags = new List<string>(manifest.Tags) { "PSModule" };
            if (manifest.CmdletsToExport.Count > 0)
            {
                tags.Add("PSIncludes_Cmdlet");
            }

            foreach (string cmdlet in manifest.CmdletsToExport)
            {
                tags.Add("PSCmdlet_" + cmdlet);
                tags.Add("PSCommand_" + cmdlet);
            }

            string? spaced = tags.FirstOrDefault(t => t.Any(char.IsWhiteSpace));
            if (spaced != null)
            {
                throw new BuildException(manifest.Path + ": the tag '" + spaced + "' has a space; Gallery tags are single words.");
            }

            return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static string Required(string? value, string key, ModuleManifest manifest) =>
            string.IsNullOrWhiteSpace(value) ? throw new BuildException(manifest.Path + ": " + key + " is required for the package.") : value;
    }
}
