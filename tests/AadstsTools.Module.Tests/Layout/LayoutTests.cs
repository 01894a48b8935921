using System.Xml.Linq;
using AadstsTools.Build;
using AadstsTools.Build.Help;
using AadstsTools.Build.Layout;
using AadstsTools.Build.Manifest;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Layout;

/// <summary>The layout step, run for real on this configuration's build outputs (the engine published, not rebuilt).</summary>
public sealed class LayoutTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_module_folder_is_exactly_the_explicit_list_with_the_version_stamped_and_help_generated()
    {
        string publish = _folder.Combine("publish");
        ModuleBuild.PublishEngine(Repository.Paths, Repository.Configuration, noBuild: true, publish, _ => { });

        string module = new ModuleLayoutBuilder(Repository.Paths, Repository.Configuration).Build(publish, _folder.Combine("out"));

        ModuleVersion version = Repository.Version();
        Assert.Equal(_folder.Combine("out", version.Numeric.ToString()), module);
        List<string> files = Directory.GetFiles(module, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(module, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Repository.Layout().AllFiles, files);
        Assert.Equal(version.Numeric.ToString(), ModuleManifest.Load(Path.Combine(module, "AadstsTools.psd1")).ModuleVersion);
        XDocument maml = XDocument.Load(Path.Combine(module, HelpFiles.Culture, HelpFiles.MamlFileName));
        Assert.Contains(maml.Descendants(MamlWriter.Command + "name"), n => n.Value == "Get-AadstsGuidance");
        Assert.Equal(File.ReadAllBytes(Repository.CmdletsAssembly), File.ReadAllBytes(Path.Combine(module, "AadstsTools.dll")));
        Assert.False(Directory.Exists(_folder.Combine("out", "." + version.Numeric + ".partial")));
    }

    [Fact]
    public void A_dependency_missing_from_or_added_to_the_publish_output_fails_the_layout_naming_both()
    {
        string publish = _folder.Combine("publish");
        ModuleBuild.PublishEngine(Repository.Paths, Repository.Configuration, noBuild: true, publish, _ => { });
        File.Delete(Path.Combine(publish, "System.Memory.dll"));
        File.WriteAllText(Path.Combine(publish, "Newtonsoft.Json.dll"), "not really");
        string output = _folder.Combine("out");

        var error = Assert.Throws<BuildException>(() => new ModuleLayoutBuilder(Repository.Paths, Repository.Configuration).Build(publish, output));

        Assert.Contains(error.Problems, p => p.Contains("lacks System.Memory.dll", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("has Newtonsoft.Json.dll", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(output, Repository.Version().Numeric.ToString())));
    }

    [Fact]
    public void A_folder_with_a_file_missing_or_one_too_many_does_not_match_the_list()
    {
        LayoutSpec layout = Repository.Layout();
        foreach (string file in layout.AllFiles.Skip(1))
        {
            _folder.Write("module/" + file, "x");
        }

        _folder.Write("module/Dependencies/Stray.dll", "x");

        IReadOnlyList<string> problems = ModuleLayoutBuilder.CompareFolder(_folder.Combine("module"), layout);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("missing " + layout.AllFiles[0], StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unexpected Dependencies/Stray.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_keeps_the_module_root_to_the_cmdlets_assembly_manifest_formats_and_help()
    {
        LayoutSpec layout = Repository.Layout();

        Assert.All(layout.Root, f => Assert.True(
            f is "AadstsTools.dll" or "AadstsTools.psd1" || f.EndsWith(".format.ps1xml", StringComparison.Ordinal) || f.StartsWith(HelpFiles.Culture + "/", StringComparison.Ordinal),
            f + " does not belong in the module root"));
        Assert.Contains(HelpFiles.Culture + "/" + HelpFiles.MamlFileName, layout.Root);
        Assert.Contains(HelpFiles.Culture + "/" + HelpFiles.AboutFileName, layout.Root);
        Assert.Contains("AadstsTools.Engine.dll", layout.Dependencies);
        Assert.Contains("AadstsTools.Loader.dll", layout.Dependencies);
    }
}
