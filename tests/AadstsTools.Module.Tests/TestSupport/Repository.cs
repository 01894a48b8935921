using System.Reflection;
using AadstsTools.Build;
using AadstsTools.Build.Layout;
using AadstsTools.Build.Manifest;
using AadstsTools.Build.Metadata;

namespace AadstsTools.Module.Tests.TestSupport;

/// <summary>The repository these tests run in, and the build outputs of the configuration they were built in.</summary>
internal static class Repository
{
    public static RepositoryPaths Paths { get; } = RepositoryPaths.Find(AppContext.BaseDirectory);

    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static string CmdletsAssembly => Paths.CmdletsAssembly(Configuration);

    public static CmdletAssemblyInspector OpenCmdlets() => CmdletAssemblyInspector.Open(CmdletsAssembly);

    public static ModuleManifest Manifest() => ModuleManifest.Load(Paths.Manifest);

    public static LayoutSpec Layout() => LayoutSpec.Load(Paths.LayoutSpec);

    public static ModuleVersion Version() => ModuleVersion.Read(Paths.BuildProps);
}
