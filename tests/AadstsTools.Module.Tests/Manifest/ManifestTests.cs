using AadstsTools.Build;
using AadstsTools.Build.Checks;
using AadstsTools.Build.Manifest;
using AadstsTools.Build.Metadata;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Manifest;

/// <summary>AadstsTools.psd1 against the compiled cmdlets, the format files and Directory.Build.props.</summary>
public sealed class ManifestTests : IDisposable
{
    private readonly CmdletAssemblyInspector _cmdlets = Repository.OpenCmdlets();

    public void Dispose() => _cmdlets.Dispose();

    [Fact]
    public void CmdletsToExport_is_exactly_the_compiled_cmdlets()
    {
        ModuleManifest manifest = Repository.Manifest();

        Assert.Empty(ModuleChecks.ManifestExports(manifest, _cmdlets));
        Assert.Equal(_cmdlets.Cmdlets.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase), manifest.CmdletsToExport.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_manifest_is_a_51_and_7_binary_module_without_early_loading_keys()
    {
        Assert.Empty(ModuleChecks.ManifestShape(Repository.Manifest()));
    }

    [Fact]
    public void ModuleVersion_equals_the_Version_of_Directory_Build_props()
    {
        Assert.Empty(ModuleChecks.ManifestVersion(Repository.Manifest(), Repository.Version()));
    }

    [Fact]
    public void Format_files_exist_are_valid_and_have_a_view_for_every_output_type()
    {
        Assert.Empty(ModuleChecks.Formats(Repository.Manifest(), Repository.Paths.Formats, Repository.Layout(), _cmdlets));
    }

    [Fact]
    public void A_missing_an_extra_and_a_wildcard_export_are_each_reported()
    {
        ModuleManifest manifest = ModuleManifest.Parse(
            Repository.Manifest().Text.Replace("'Get-AadstsGuidance'", "'Get-Nothing', 'Get-*'", StringComparison.Ordinal),
            "broken.psd1");

        IReadOnlyList<string> problems = ModuleChecks.ManifestExports(manifest, _cmdlets);

        Assert.Contains(problems, p => p.Contains("CmdletsToExport lacks 'Get-AadstsGuidance'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CmdletsToExport lists 'Get-Nothing'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not wildcards", StringComparison.Ordinal));
    }

    [Fact]
    public void NestedModules_RequiredAssemblies_and_a_wrong_root_module_are_reported()
    {
        ModuleManifest manifest = ModuleManifest.Parse(
            """
            @{
                RootModule = 'AadstsTools.Engine.dll'
                ModuleVersion = '0.1.0'
                GUID = 'not-a-guid'
                CompatiblePSEditions = @('Core')
                PowerShellVersion = '7.4'
                NestedModules = @('Dependencies/AadstsTools.Engine.dll')
                RequiredAssemblies = @('Dependencies/Azure.Core.dll')
            }
            """,
            "broken.psd1");

        IReadOnlyList<string> problems = ModuleChecks.ManifestShape(manifest);

        foreach (string expected in new[] { "RootModule must be 'AadstsTools.dll'", "remove NestedModules", "remove RequiredAssemblies", "CompatiblePSEditions", "PowerShellVersion", "GUID", "Author is required", "Description is required" })
        {
            Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_version_that_differs_from_Directory_Build_props_is_reported()
    {
        ModuleManifest manifest = Repository.Manifest().WithVersion(ModuleVersion.Parse("9.8.7", "test"));

        string problem = Assert.Single(ModuleChecks.ManifestVersion(manifest, Repository.Version()));

        Assert.Contains("ModuleVersion is '9.8.7'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamping_sets_ModuleVersion_and_for_a_prerelease_PSData_Prerelease_leaving_the_rest_as_written()
    {
        ModuleManifest original = Repository.Manifest();

        ModuleManifest release = original.WithVersion(ModuleVersion.Parse("2.3.4", "test"));
        ModuleManifest beta = original.WithVersion(ModuleVersion.Parse("2.3.4-beta2", "test"));

        Assert.Equal("2.3.4", release.ModuleVersion);
        Assert.Null(release.Prerelease);
        Assert.Equal(original.Text.Replace("ModuleVersion          = '" + original.ModuleVersion + "'", "ModuleVersion          = '2.3.4'", StringComparison.Ordinal), release.Text);
        Assert.Equal("2.3.4", beta.ModuleVersion);
        Assert.Equal("beta2", beta.Prerelease);
        Assert.Equal(original.CmdletsToExport, beta.CmdletsToExport);
        Assert.Equal(original.Tags, beta.Tags);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("1.2.3-beta.1")]
    [InlineData("one")]
    public void A_version_the_Gallery_would_refuse_is_an_error_naming_it(string version)
    {
        var error = Assert.Throws<BuildException>(() => ModuleVersion.Parse(version, "Directory.Build.props"));

        Assert.Contains(version, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Directory.Build.props:", error.Message, StringComparison.Ordinal);
    }
}
