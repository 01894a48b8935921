using System.IO.Compression;
using System.Xml.Linq;
using AadstsTools.Build;
using AadstsTools.Build.Packaging;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Packaging;

/// <summary>The .nupkg of a module folder, read back as NuGet and PSResourceGet read it.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_package_holds_the_module_files_at_its_root_a_nuspec_and_the_packaging_parts()
    {
        string module = Module("1.2.3", prerelease: null);

        string package = ModulePackage.Create(module, _folder.Combine("out"));

        Assert.Equal(_folder.Combine("out", "AadstsTools.1.2.3.nupkg"), package);
        using ZipArchive zip = ZipFile.OpenRead(package);
        List<string> entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("AadstsTools.psd1", entries);
        Assert.Contains("AadstsTools.dll", entries);
        Assert.Contains("Dependencies/AadstsTools.Engine.dll", entries);
        Assert.Contains("en-US/about_AadstsTools.help.txt", entries);
        Assert.Contains("AadstsTools.nuspec", entries);
        Assert.Contains("[Content_Types].xml", entries);
        Assert.Contains("_rels/.rels", entries);
        Assert.Single(entries, e => e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && e.EndsWith(".psmdcp", StringComparison.Ordinal));
        Assert.Equal("manifest text", Read(zip, "AadstsTools.dll"));

        XDocument types = XDocument.Parse(Read(zip, "[Content_Types].xml"));
        var extensions = types.Root!.Elements().Select(e => (string)e.Attribute("Extension")!).ToList();
        Assert.Equal(new[] { "rels", "psmdcp", "dll", "nuspec", "psd1", "txt" }.Order(), extensions.Order());
        XDocument rels = XDocument.Parse(Read(zip, "_rels/.rels"));
        Assert.Contains(rels.Root!.Elements(), r => (string)r.Attribute("Target")! == "/AadstsTools.nuspec");
    }

    [Fact]
    public void The_nuspec_carries_id_version_authors_description_and_the_Gallery_tags()
    {
        string package = ModulePackage.Create(Module("1.2.3", prerelease: "beta1"), _folder.Combine("out"));

        using ZipArchive zip = ZipFile.OpenRead(package);
        XElement metadata = XDocument.Parse(Read(zip, "AadstsTools.nuspec")).Root!.Element(Nuspec.Namespace + "metadata")!;
        string Value(string name) => (string)metadata.Element(Nuspec.Namespace + name)!;
        Assert.Equal("AadstsTools", Value("id"));
        Assert.Equal("1.2.3-beta1", Value("version"));
        Assert.Equal("Contoso IT", Value("authors"));
        Assert.Equal("Fixes sign-ins.", Value("description"));
        Assert.Equal("Notes.", Value("releaseNotes"));
        Assert.Equal(
            new[] { "Entra", "PSEdition_Core", "PSModule", "PSIncludes_Cmdlet", "PSCmdlet_Get-Thing", "PSCommand_Get-Thing", "PSCmdlet_Reset-Thing", "PSCommand_Reset-Thing" },
            Value("tags").Split(' '));
        Assert.EndsWith("AadstsTools.1.2.3-beta1.nupkg", package, StringComparison.Ordinal);
    }

    [Fact]
    public void NuGet_itself_restores_the_package_from_a_folder_feed_and_extracts_the_module()
    {
        ModulePackage.Create(Module("1.2.3", prerelease: null), _folder.Combine("feed"));
        _folder.Write("consumer/consumer.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="AadstsTools" Version="1.2.3" /></ItemGroup>
            </Project>
            """);

        AadstsTools.Build.Layout.DotNet.Run(
            _folder.Combine("consumer"),
            new[] { "restore", "--source", _folder.Combine("feed"), "--packages", _folder.Combine("packages"), "-nologo" },
            _ => { });

        string extracted = _folder.Combine("packages", "aadststools", "1.2.3");
        Assert.True(File.Exists(Path.Combine(extracted, "AadstsTools.psd1")));
        Assert.True(File.Exists(Path.Combine(extracted, "Dependencies", "AadstsTools.Engine.dll")));
    }

    [Fact]
    public void Packing_the_same_folder_twice_gives_the_same_bytes()
    {
        string module = Module("1.2.3", prerelease: null);

        byte[] first = File.ReadAllBytes(ModulePackage.Create(module, _folder.Combine("one")));
        byte[] second = File.ReadAllBytes(ModulePackage.Create(module, _folder.Combine("two")));

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_folder_whose_name_is_not_its_manifest_version_is_refused()
    {
        string module = Module("1.2.3", prerelease: null);
        string renamed = _folder.Combine("AadstsTools", "9.9.9");
        Directory.Move(module, renamed);

        var error = Assert.Throws<BuildException>(() => ModulePackage.Create(renamed, _folder.Combine("out")));

        Assert.Contains("named '9.9.9' but its manifest says 1.2.3", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Combine("out")) && Directory.GetFiles(_folder.Combine("out")).Length > 0);
    }

    private string Module(string version, string? prerelease)
    {
        string folder = "AadstsTools/" + version + "/";
        _folder.Write(folder + "AadstsTools.psd1", "@{\n" +
            "    RootModule = 'AadstsTools.dll'\n" +
            "    ModuleVersion = '" + version + "'\n" +
            "    Author = 'Contoso IT'\n" +
            "    Description = 'Fixes sign-ins.'\n" +
            "    CmdletsToExport = @('Get-Thing', 'Reset-Thing')\n" +
            "    PrivateData = @{\n" +
            "        PSData = @{\n" +
            "            Tags = @('Entra', 'PSEdition_Core')\n" +
            "            ReleaseNotes = 'Notes.'\n" +
            (prerelease == null ? string.Empty : "            Prerelease = '" + prerelease + "'\n") +
            "        }\n" +
            "    }\n" +
            "}\n");
        _folder.Write(folder + "AadstsTools.dll", "manifest text");
        _folder.Write(folder + "Dependencies/AadstsTools.Engine.dll", "engine");
        _folder.Write(folder + "en-US/about_AadstsTools.help.txt", "TOPIC");
        return _folder.Combine("AadstsTools", version);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
