using AadstsTools.Build.Checks;
using AadstsTools.Build.Metadata;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Cmdlets;

/// <summary>The real cmdlets assembly, read as metadata: every cmdlet found in it must follow the module's rules.</summary>
public sealed class CompiledCmdletsTests : IDisposable
{
    private readonly CmdletAssemblyInspector _cmdlets = Repository.OpenCmdlets();

    public void Dispose() => _cmdlets.Dispose();

    [Fact]
    public void The_reader_finds_Get_AadstsGuidance_with_its_parameters_and_sets()
    {
        CompiledCmdlet guidance = Assert.Single(_cmdlets.Cmdlets, c => c.Name == "Get-AadstsGuidance");

        Assert.Equal("Lookup", guidance.DefaultParameterSetName);
        Assert.Contains("AadstsTools.Guidance", guidance.OutputTypes);
        Assert.Equal(new[] { "All", "Category", "InputObject", "OverlayPath", "Search" }, guidance.Parameters.Select(p => p.Name).Order());
        CompiledParameter input = guidance.Parameters.Single(p => p.Name == "InputObject");
        Assert.Equal("Object[]", input.TypeName);
        Assert.Equal(new[] { "Code", "Message" }, input.Aliases);
        ParameterSetBinding binding = Assert.Single(input.Sets);
        Assert.True(binding.Mandatory && binding.ValueFromPipeline);
        Assert.Equal(0, binding.Position);
        Assert.Equal(new[] { "All", "Search" }, guidance.Parameters.Single(p => p.Name == "Category").Sets.Select(s => s.SetName).Order());
    }

    [Fact]
    public void The_cmdlets_assembly_references_no_Graph_Kiota_Azure_or_MSAL_assembly()
    {
        Assert.Empty(ModuleChecks.IsolatedReferences(_cmdlets));
    }

    [Fact]
    public void Every_public_type_loads_without_anything_from_Dependencies()
    {
        Assert.Empty(ModuleChecks.PublicTypesLoadWithoutDependencies(_cmdlets, Repository.Layout()));
    }

    [Fact]
    public void Every_cmdlet_is_a_public_sealed_VerbNounCommand_in_AadstsTools_Commands_alone_in_its_file()
    {
        Assert.NotEmpty(_cmdlets.Cmdlets);
        Assert.Empty(ModuleChecks.CmdletShape(_cmdlets, Repository.Paths.CommandsSource));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb()
    {
        Assert.Empty(ModuleChecks.ApprovedVerbs(_cmdlets));
    }

    [Fact]
    public void The_approved_verbs_come_from_PowerShellStandard_verb_classes()
    {
        IReadOnlyList<string> verbs = _cmdlets.ApprovedVerbs();

        Assert.Contains("Get", verbs);
        Assert.Contains("Reset", verbs);
        Assert.Contains("Test", verbs);
        Assert.Contains("Connect", verbs);
        Assert.Contains("Disconnect", verbs);
        Assert.DoesNotContain("Fetch", verbs);
        Assert.True(verbs.Count > 90, "expected the ~100 approved verbs, got " + verbs.Count);
    }
}
