using System.Reflection;
using System.Runtime.Loader;
using AadstsTools.Loading;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Loading;

/// <summary>
/// The real load context on this runtime, with stand-in assemblies: another module has loaded version 1 of a
/// shared dependency into the default context; the module ships version 2 with an engine built against it.
/// </summary>
public sealed class LoadContextTests : IDisposable
{
    private readonly TempFolder _module = new();
    private readonly TempFolder _other = new();

    public void Dispose()
    {
        LoadContextSetup.Unregister();
        _module.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void The_engine_and_its_dependencies_load_in_the_module_context_beside_another_version_in_the_default_one()
    {
        const string identity = "namespace Contoso.Identity { public static class Info { public static string Version => \"{0}\"; } }";
        string otherModules = StandInAssembly.Compile(_other.Path, "Contoso.Identity", "1.0.0.0", identity.Replace("{0}", "one", StringComparison.Ordinal));
        string dependencies = _module.Combine("Dependencies");
        string ours = StandInAssembly.Compile(dependencies, "Contoso.Identity", "2.0.0.0", identity.Replace("{0}", "two", StringComparison.Ordinal));
        StandInAssembly.Compile(
            dependencies,
            "AadstsTools.Engine",
            "1.0.0.0",
            """
            namespace AadstsTools
            {
                public static class Probe
                {
                    public static string IdentityVersion() => Contoso.Identity.Info.Version;
                    public static System.Reflection.Assembly Identity() => typeof(Contoso.Identity.Info).Assembly;
                    public static System.Reflection.Assembly Json() => typeof(System.Text.Json.JsonDocument).Assembly;
                }
            }
            """,
            ours);
        Assembly preloaded = AssemblyLoadContext.Default.LoadFromAssemblyPath(otherModules);

        LoadContextSetup.Register(_module.Path);
        Assembly engine = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("AadstsTools.Engine"));
        Type probe = engine.GetType("AadstsTools.Probe", throwOnError: true)!;

        Assert.Equal("AadstsTools", AssemblyLoadContext.GetLoadContext(engine)!.Name);
        Assert.Same(LoadContextSetup.Context, AssemblyLoadContext.GetLoadContext(engine));
        Assert.Equal("two", probe.GetMethod("IdentityVersion")!.Invoke(null, null));
        var identityUsed = (Assembly)probe.GetMethod("Identity")!.Invoke(null, null)!;
        Assert.Equal(new Version(2, 0, 0, 0), identityUsed.GetName().Version);
        Assert.Same(LoadContextSetup.Context, AssemblyLoadContext.GetLoadContext(identityUsed));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(preloaded));

        // The framework's own System.Text.Json satisfies the engine: shared, not loaded twice.
        var json = (Assembly)probe.GetMethod("Json")!.Invoke(null, null)!;
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));

        // Asking again returns the same engine, from the context, not a second copy.
        Assert.Same(engine, AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("AadstsTools.Engine")));
    }
}
