using AadstsTools.Build.Checks;
using AadstsTools.Build.Metadata;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Cmdlets;

/// <summary>The cmdlet rules fail on stand-in assemblies that break them, naming the class and the rule.</summary>
public sealed class CmdletRuleTests : IDisposable
{
    private const string EngineSource = """
        namespace AadstsTools.Output { public interface IEngineOutput { void WriteObject(object item); } }
        namespace AadstsTools { public enum Verdict { Ready, Blocked } public class EngineBase : System.Management.Automation.PSCmdlet { } }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_cmdlet_that_is_not_sealed_is_in_the_wrong_namespace_and_misnamed_is_reported_on_each_count()
    {
        using CmdletAssemblyInspector cmdlets = Cmdlets("""
            namespace AadstsTools.Infrastructure
            {
                [System.Management.Automation.Cmdlet("Get", "Thing")]
                public class FetchThing : System.Management.Automation.PSCmdlet { }
            }
            """);
        _folder.Write("Commands/FetchThing.cs", "public class GetThingCommand { } public class OtherCommand { }");

        IReadOnlyList<string> problems = ModuleChecks.CmdletShape(cmdlets, _folder.Combine("Commands"));

        Assert.Contains(problems, p => p.Contains("FetchThing (Get-Thing) must be sealed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("namespace AadstsTools.Infrastructure", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must be named GetThingCommand", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("one cmdlet class per file", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unapproved_verb_is_reported()
    {
        using CmdletAssemblyInspector cmdlets = Cmdlets("""
            namespace AadstsTools.Commands
            {
                [System.Management.Automation.Cmdlet("Fetch", "Thing")]
                public sealed class FetchThingCommand : System.Management.Automation.PSCmdlet { }
            }
            """);

        string problem = Assert.Single(ModuleChecks.ApprovedVerbs(cmdlets));

        Assert.Contains("Fetch-Thing uses the verb 'Fetch'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_types_that_need_the_engine_to_load_are_reported()
    {
        using CmdletAssemblyInspector cmdlets = Cmdlets("""
            namespace AadstsTools.Commands
            {
                public abstract class Base : System.Management.Automation.PSCmdlet, AadstsTools.Output.IEngineOutput { public void WriteObject(object item) { } }
                [System.Management.Automation.Cmdlet("Get", "A")] public sealed class GetACommand : Base { }
                [System.Management.Automation.Cmdlet("Get", "B")] public sealed class GetBCommand : AadstsTools.EngineBase { }
                [System.Management.Automation.Cmdlet("Get", "C")] public sealed class GetCCommand : System.Management.Automation.PSCmdlet
                {
                    [System.Management.Automation.Parameter] public AadstsTools.Verdict Verdict { get; set; }
                    [System.Management.Automation.Parameter] public AadstsTools.Verdict[] Fine { get; set; }
                    private AadstsTools.Output.IEngineOutput _alsoFine;
                }
            }
            """);

        IReadOnlyList<string> needs = cmdlets.LoadTimeNeeds(new[] { "AadstsTools.Engine" });

        Assert.Contains(needs, n => n.StartsWith("AadstsTools.Commands.GetACommand: implements AadstsTools.Output.IEngineOutput", StringComparison.Ordinal));
        Assert.Contains(needs, n => n.StartsWith("AadstsTools.Commands.GetBCommand: GetBCommand derives from AadstsTools.EngineBase", StringComparison.Ordinal));
        Assert.Contains(needs, n => n.Contains("GetCCommand.<Verdict>k__BackingField is a value type from AadstsTools.Engine", StringComparison.Ordinal));
        Assert.DoesNotContain(needs, n => n.Contains("Fine", StringComparison.Ordinal) || n.Contains("_alsoFine", StringComparison.Ordinal));
    }

    [Fact]
    public void A_direct_reference_to_an_isolated_assembly_is_reported()
    {
        string azure = StandInAssembly.Compile(_folder.Combine("bin"), "Azure.Core", "1.0.0.0", "namespace Azure { public class Response { } }");
        using CmdletAssemblyInspector cmdlets = Cmdlets(
            """
            namespace AadstsTools.Commands
            {
                [System.Management.Automation.Cmdlet("Get", "Thing")]
                public sealed class GetThingCommand : System.Management.Automation.PSCmdlet { protected override void EndProcessing() => WriteObject(new Azure.Response()); }
            }
            """,
            azure);

        string problem = Assert.Single(ModuleChecks.IsolatedReferences(cmdlets));

        Assert.Contains("references Azure.Core directly", problem, StringComparison.Ordinal);
    }

    private CmdletAssemblyInspector Cmdlets(string source, params string[] references)
    {
        string bin = _folder.Combine("bin");
        string engine = StandInAssembly.Compile(bin, "AadstsTools.Engine", "1.0.0.0", EngineSource);
        string cmdlets = StandInAssembly.Compile(bin, "AadstsTools", "1.0.0.0", source, references.Append(engine).ToArray());
        return CmdletAssemblyInspector.Open(cmdlets);
    }
}
