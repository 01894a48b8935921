using System.Text.RegularExpressions;
using AadstsTools.Build;
using AadstsTools.Build.Checks;
using AadstsTools.Build.Help;
using AadstsTools.Build.Metadata;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Help;

/// <summary>new-docs: a page whose mechanical parts come from the assembly and whose prose must still be written.</summary>
public sealed class MarkdownHelpSkeletonTests : IDisposable
{
    private readonly CmdletAssemblyInspector _cmdlets = Repository.OpenCmdlets();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _cmdlets.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_new_page_is_refused_until_every_placeholder_is_replaced()
    {
        CompiledCmdlet guidance = _cmdlets.Cmdlets.Single(c => c.Name == "Get-AadstsGuidance");

        string page = MarkdownHelpSkeleton.Write(guidance);

        var error = Assert.Throws<BuildException>(() => MarkdownHelpReader.Parse(page, "Get-AadstsGuidance.md"));
        Assert.All(error.Problems, p => Assert.Contains("replace the placeholder", p, StringComparison.Ordinal));
        Assert.Equal(page.Split('\n').Count(l => l.Contains("{{", StringComparison.Ordinal)), error.Problems.Count);
    }

    [Fact]
    public void Once_filled_in_the_page_documents_every_parameter_with_the_compiled_metadata()
    {
        CompiledCmdlet guidance = _cmdlets.Cmdlets.Single(c => c.Name == "Get-AadstsGuidance");
        string filled = Regex.Replace(MarkdownHelpSkeleton.Write(guidance), @"\{\{[^}]*\}\}", "Written by hand.");
        string docs = _folder.Combine("docs");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "Get-AadstsGuidance.md"), filled);

        IReadOnlyList<string> problems = ModuleChecks.HelpCoverage(docs, _cmdlets, out IReadOnlyList<CommandHelp> help);

        // Other cmdlets have no page in this folder; only this one's problems matter here.
        Assert.DoesNotContain(problems, p => p.Contains("Get-AadstsGuidance", StringComparison.Ordinal));
        CommandHelp page = Assert.Single(help);
        Assert.Equal(new[] { "Lookup", "Search", "All" }.Order(), page.SyntaxSets.Select(s => s.Name).Order());
        Assert.True(page.SyntaxSets.Single(s => s.Name == "Lookup").IsDefault);
        ParameterHelp category = page.Parameters.Single(p => p.Name == "Category");
        Assert.Equal(new[] { "Search", "All" }.Order(), category.ParameterSets.Order());
        Assert.Contains("ConditionalAccess", category.AcceptedValues);
        ParameterHelp input = page.Parameters.Single(p => p.Name == "InputObject");
        Assert.Equal(("Object[]", true, "0", "True (ByValue)"), (input.Type, input.Required, input.Position, input.PipelineInput));
        Assert.Equal(new[] { "Code", "Message" }, input.Aliases);
        Assert.Contains("Get-AadstsGuidance [-InputObject] <Object[]> [-OverlayPath <String>] [<CommonParameters>]", filled, StringComparison.Ordinal);
    }
}
