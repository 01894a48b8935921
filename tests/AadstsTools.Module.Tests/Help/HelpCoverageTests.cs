using System.Xml.Linq;
using AadstsTools.Build.Checks;
using AadstsTools.Build.Help;
using AadstsTools.Build.Metadata;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Help;

/// <summary>Every compiled cmdlet and parameter is documented in docs/ and reaches the MAML Get-Help reads.</summary>
public sealed class HelpCoverageTests : IDisposable
{
    private readonly CmdletAssemblyInspector _cmdlets = Repository.OpenCmdlets();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _cmdlets.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Every_cmdlet_and_parameter_is_documented_with_at_least_one_example()
    {
        IReadOnlyList<string> problems = ModuleChecks.HelpCoverage(Repository.Paths.Docs, _cmdlets, out IReadOnlyList<CommandHelp> help);

        Assert.Empty(problems);
        Assert.Equal(_cmdlets.Cmdlets.Select(c => c.Name), help.Select(h => h.Name));
        Assert.All(help, h => Assert.NotEmpty(h.Examples));
    }

    [Fact]
    public void The_MAML_written_from_docs_holds_every_cmdlet_parameter_and_example()
    {
        ModuleChecks.HelpCoverage(Repository.Paths.Docs, _cmdlets, out IReadOnlyList<CommandHelp> help);

        XDocument maml = HelpFiles.Write(_folder.Path, Repository.Paths.Docs, help);

        Assert.Empty(ModuleChecks.MamlCoverage(maml, "test", _cmdlets));
        XDocument reread = XDocument.Load(_folder.Combine(HelpFiles.Culture, HelpFiles.MamlFileName));
        Assert.Equal(
            _cmdlets.Cmdlets.Count,
            reread.Root!.Elements(MamlWriter.Command + "command").Count());
    }

    [Fact]
    public void The_about_topic_exists_and_covers_connection_permissions_bulk_runbooks_and_the_overlay()
    {
        string text = AboutTopicWriter.Convert(HelpFiles.AboutSource(Repository.Paths.Docs));

        Assert.StartsWith("TOPIC\n    about_AadstsTools\n", text, StringComparison.Ordinal);
        foreach (string heading in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION", "    Connecting to Microsoft Graph", "    Permissions and roles, command by command", "    Bulk use", "    Password resets and the journal", "    Azure Automation runbooks", "    The organisation overlay" })
        {
            Assert.Contains("\n" + heading + "\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("User-PasswordProfile.ReadWrite.All", text, StringComparison.Ordinal);
        Assert.Contains("AuditLog.Read.All", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= AboutTopicWriter.Width, "longer than 80 columns: " + line));
    }

    [Fact]
    public void An_undocumented_parameter_a_stale_one_and_a_page_without_a_cmdlet_are_reported()
    {
        string docs = _folder.Combine("docs");
        Directory.CreateDirectory(docs);
        string page = File.ReadAllText(Path.Combine(Repository.Paths.Docs, "Get-AadstsGuidance.md"));
        int search = page.IndexOf("### -Search", StringComparison.Ordinal);
        int all = page.IndexOf("### -All", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(docs, "Get-AadstsGuidance.md"), page.Remove(search, all - search).Replace("### -All", "### -Everything", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(docs, "Get-Orphan.md"), page);

        IReadOnlyList<string> problems = ModuleChecks.HelpCoverage(docs, _cmdlets, out _);

        Assert.Contains(problems, p => p.Contains("-Search of Get-AadstsGuidance is not documented", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("-All of Get-AadstsGuidance is not documented", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("documents -Everything, which Get-AadstsGuidance does not have", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Get-Orphan.md: no compiled cmdlet has this name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cmdlet_without_a_page_is_reported()
    {
        string docs = _folder.Combine("empty-docs");
        Directory.CreateDirectory(docs);

        IReadOnlyList<string> problems = ModuleChecks.HelpCoverage(docs, _cmdlets, out _);

        Assert.Contains(problems, p => p.Contains("Get-AadstsGuidance.md: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void MAML_missing_a_parameter_or_examples_is_reported()
    {
        ModuleChecks.HelpCoverage(Repository.Paths.Docs, _cmdlets, out IReadOnlyList<CommandHelp> help);
        XDocument maml = MamlWriter.Write(help);
        XElement guidance = maml.Root!.Elements(MamlWriter.Command + "command")
            .Single(c => c.Element(MamlWriter.Command + "details")!.Element(MamlWriter.Command + "name")!.Value == "Get-AadstsGuidance");
        guidance.Element(MamlWriter.Command + "parameters")!.Elements().First().Remove();
        guidance.Element(MamlWriter.Command + "examples")!.Elements().Remove();

        IReadOnlyList<string> problems = ModuleChecks.MamlCoverage(maml, "help.xml", _cmdlets);

        Assert.Contains(problems, p => p.StartsWith("help.xml: Get-AadstsGuidance has no help for -", StringComparison.Ordinal));
        Assert.Contains("help.xml: Get-AadstsGuidance has no example.", problems);
    }
}
