using System.Reflection;
using AadstsTools.Loading;

namespace AadstsTools.Module.Tests.Loading;

/// <summary>Which assembly requests the module answers from Dependencies/, on PowerShell 7 and on Windows PowerShell 5.1.</summary>
public sealed class DependencyPolicyTests
{
    private static readonly string ModuleBase = Path.Combine(Path.GetTempPath(), "Modules", "AadstsTools", "1.0.0");
    private static readonly string Dependencies = Path.Combine(ModuleBase, "Dependencies");

    private static readonly Dictionary<string, ShippedAssembly> Shipped = new[]
    {
        Ship("AadstsTools.Engine", "1.0.0.0"),
        Ship("Azure.Core", "1.47.0.0"),
        Ship("Microsoft.Identity.Client", "4.76.0.0"),
        Ship("System.Text.Json", "10.0.0.0"),
        Ship("System.Memory", "4.0.1.2"),
        Ship("System.Management.Automation", "7.0.0.0"), // never shipped in practice: proves it is refused anyway
    }.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    // PowerShell 7.4 on .NET 8: the framework's and $PSHOME's own assemblies.
    private static readonly Dictionary<string, Version> Framework = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Text.Json"] = new Version(8, 0, 0, 0),
        ["System.Memory"] = new Version(8, 0, 0, 0),
        ["System.Runtime"] = new Version(8, 0, 0, 0),
        ["System.Management.Automation"] = new Version(7, 4, 0, 0),
        ["Newtonsoft.Json"] = new Version(13, 0, 0, 0),
    };

    private readonly DependencyPolicy _core = new(ModuleBase, n => Shipped.GetValueOrDefault(n), n => Framework.GetValueOrDefault(n));
    private readonly DependencyPolicy _desktop = new(ModuleBase, n => Shipped.GetValueOrDefault(n), _ => null);

    [Fact]
    public void The_default_context_is_answered_for_the_engine_only()
    {
        LoadDecision engine = _core.ForDefaultContext(Name("AadstsTools.Engine", "1.0.0.0"));

        Assert.Equal(LoadSource.Dependencies, engine.Source);
        Assert.Equal(Path.Combine(Dependencies, "AadstsTools.Engine.dll"), engine.Path);
        Assert.All(
            new[] { "Azure.Core", "Microsoft.Identity.Client", "System.Text.Json", "AadstsTools" },
            name => Assert.Equal(LoadSource.Default, _core.ForDefaultContext(Name(name, "1.0.0.0")).Source));
    }

    [Fact]
    public void A_missing_engine_is_left_to_fail_in_the_default_context_with_the_reason()
    {
        var policy = new DependencyPolicy(ModuleBase, _ => null, _ => null);

        LoadDecision decision = policy.ForDefaultContext(Name("AadstsTools.Engine", "1.0.0.0"));

        Assert.Equal(LoadSource.Default, decision.Source);
        Assert.Contains("missing from " + Dependencies, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.Management.Automation", "7.0.0.0")]
    [InlineData("Microsoft.PowerShell.Commands.Utility", "7.0.0.0")]
    [InlineData("AadstsTools", "1.0.0.0")]
    [InlineData("netstandard", "2.0.0.0")]
    public void PowerShell_and_the_cmdlets_assembly_are_always_shared(string name, string version)
    {
        LoadDecision decision = _core.ForModuleContext(Name(name, version));

        Assert.Equal(LoadSource.Default, decision.Source);
        Assert.Contains("shared with PowerShell", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Azure.Core", "1.47.0.0")]
    [InlineData("Microsoft.Identity.Client", "4.76.0.0")]
    [InlineData("AadstsTools.Engine", "1.0.0.0")]
    public void Third_party_assemblies_come_from_Dependencies_whatever_another_module_loaded(string name, string version)
    {
        LoadDecision decision = _core.ForModuleContext(Name(name, version));

        Assert.Equal(LoadSource.Dependencies, decision.Source);
        Assert.Equal(Path.Combine(Dependencies, name + ".dll"), decision.Path);
    }

    [Fact]
    public void A_framework_assembly_new_enough_for_the_request_stays_shared()
    {
        // System.Memory 4.0.1.2 (netstandard) against .NET 8's 8.0: one ReadOnlyMemory<T> for everyone.
        LoadDecision decision = _core.ForModuleContext(Name("System.Memory", "4.0.1.2"));

        Assert.Equal(LoadSource.Default, decision.Source);
        Assert.Contains("satisfies", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_assembly_older_than_the_request_is_replaced_by_the_shipped_one()
    {
        // The engine needs System.Text.Json 10; PowerShell 7.4 carries 8.
        LoadDecision decision = _core.ForModuleContext(Name("System.Text.Json", "10.0.0.0"));

        Assert.Equal(LoadSource.Dependencies, decision.Source);
        Assert.Equal(Path.Combine(Dependencies, "System.Text.Json.dll"), decision.Path);
    }

    [Fact]
    public void An_older_framework_assembly_with_nothing_newer_shipped_is_left_to_the_default_context()
    {
        LoadDecision decision = _core.ForModuleContext(Name("Newtonsoft.Json", "14.0.0.0"));

        Assert.Equal(LoadSource.Default, decision.Source);
        Assert.Contains("ships no newer one", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_neither_shipped_nor_in_the_framework_is_left_to_the_default_context()
    {
        Assert.Equal(LoadSource.Default, _core.ForModuleContext(Name("Contoso.Unknown", "1.0.0.0")).Source);
    }

    [Fact]
    public void On_Windows_PowerShell_requests_from_the_module_are_answered_from_Dependencies()
    {
        string requester = Path.Combine(ModuleBase, "AadstsTools.dll");

        LoadDecision engine = _desktop.ForDesktopResolve(Name("AadstsTools.Engine", "1.0.0.0"), requester);
        LoadDecision msal = _desktop.ForDesktopResolve(Name("Microsoft.Identity.Client", "4.70.0.0"), Path.Combine(Dependencies, "AadstsTools.Engine.dll"));

        Assert.Equal(Path.Combine(Dependencies, "AadstsTools.Engine.dll"), engine.Path);
        Assert.Equal(Path.Combine(Dependencies, "Microsoft.Identity.Client.dll"), msal.Path);
    }

    [Theory]
    [InlineData(@"C:\Program Files\WindowsPowerShell\Modules\Az.Accounts\Az.Accounts.dll")]
    [InlineData(null)]
    public void On_Windows_PowerShell_requests_from_other_modules_or_from_nowhere_known_are_left_alone(string? requester)
    {
        string? location = requester == null ? null : Path.Combine(Path.GetTempPath(), "Modules", "Az.Accounts", "Az.Accounts.dll");

        LoadDecision decision = _desktop.ForDesktopResolve(Name("Microsoft.Identity.Client", "4.76.0.0"), location);

        Assert.Equal(LoadSource.Default, decision.Source);
        Assert.Contains("did not come from this module", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void On_Windows_PowerShell_a_sibling_folder_with_the_same_prefix_is_not_the_module()
    {
        string sibling = ModuleBase.TrimEnd(Path.DirectorySeparatorChar) + "-evil" + Path.DirectorySeparatorChar + "x.dll";

        Assert.Equal(LoadSource.Default, _desktop.ForDesktopResolve(Name("Azure.Core", "1.0.0.0"), sibling).Source);
    }

    [Fact]
    public void On_Windows_PowerShell_a_request_for_a_newer_version_than_shipped_is_refused_and_older_ones_bind_up()
    {
        string requester = Path.Combine(Dependencies, "AadstsTools.Engine.dll");

        LoadDecision newer = _desktop.ForDesktopResolve(Name("Azure.Core", "2.0.0.0"), requester);
        LoadDecision older = _desktop.ForDesktopResolve(Name("Azure.Core", "1.40.0.0"), requester);
        LoadDecision shared = _desktop.ForDesktopResolve(Name("System.Management.Automation", "3.0.0.0"), requester);

        Assert.Equal(LoadSource.Default, newer.Source);
        Assert.Contains("older than the 2.0.0.0 asked for", newer.Reason, StringComparison.Ordinal);
        Assert.Equal(LoadSource.Dependencies, older.Source);
        Assert.Equal(LoadSource.Default, shared.Source);
    }

    private static ShippedAssembly Ship(string name, string version) =>
        new(name, new Version(version), Path.Combine(Dependencies, name + ".dll"));

    private static AssemblyName Name(string name, string version) => new(name + ", Version=" + version);
}
