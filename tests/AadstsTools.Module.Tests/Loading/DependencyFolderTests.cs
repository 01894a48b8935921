using AadstsTools.Loading;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Loading;

public sealed class DependencyFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_each_assembly_name_and_version_and_skips_files_without_metadata()
    {
        StandInAssembly.Compile(_folder.Path, "Contoso.Identity", "2.5.0.0", "public class A { }");
        _folder.Write("native.dll", "not a managed assembly");

        DependencyFolder folder = DependencyFolder.Scan(_folder.Path);

        Assert.Equal(1, folder.Count);
        ShippedAssembly found = folder.Find("contoso.identity")!;
        Assert.Equal(("Contoso.Identity", new Version(2, 5, 0, 0)), (found.Name, found.Version));
        Assert.Equal(Path.Combine(_folder.Path, "Contoso.Identity.dll"), found.Path);
        Assert.Null(folder.Find("native"));
    }

    [Fact]
    public void A_missing_folder_is_empty()
    {
        Assert.Equal(0, DependencyFolder.Scan(_folder.Combine("none")).Count);
    }

    [Fact]
    public void Framework_versions_are_read_from_the_trusted_platform_list()
    {
        string path = StandInAssembly.Compile(_folder.Path, "Contoso.Framework", "8.1.0.0", "public class A { }");
        var framework = new FrameworkAssemblies(string.Join(Path.PathSeparator, path, _folder.Combine("Gone.dll")));

        Assert.Equal(new Version(8, 1, 0, 0), framework.VersionOf("Contoso.Framework"));
        Assert.Null(framework.VersionOf("Gone"));
        Assert.Null(framework.VersionOf("Unlisted"));
    }
}
