using System.IO;

namespace AadstsTools.Build
{
    /// <summary>Where the repository keeps what the build reads and writes.</summary>
    public sealed class RepositoryPaths
    {
        public const string ModuleName = "AadstsTools";

        public RepositoryPaths(string root)
        {
            Root = Path.GetFullPath(root);
        }

        public string Root { get; }

        public string BuildProps => Path.Combine(Root, "Directory.Build.props");

        public string Manifest => Path.Combine(Root, ModuleName + ".psd1");

        public string Docs => Path.Combine(Root, "docs");

        public string LayoutSpec => Path.Combine(Root, "build", "module-layout.json");

        public string CmdletsProject => Path.Combine(Root, "src", "AadstsTools", "AadstsTools.csproj");

        public string CmdletsSource => Path.Combine(Root, "src", "AadstsTools");

        public string CommandsSource => Path.Combine(CmdletsSource, "Commands");

        public string Formats => Path.Combine(CmdletsSource, "Formats");

        public string EngineProject => Path.Combine(Root, "src", "AadstsTools.Engine", "AadstsTools.Engine.csproj");

        public string LoaderProject => Path.Combine(Root, "src", "AadstsTools.Loader", "AadstsTools.Loader.csproj");

        public string Out => Path.Combine(Root, "out");

        public string Staging => Path.Combine(Out, ".staging");

        public string ModuleOut => Path.Combine(Out, ModuleName);

        public string CmdletsAssembly(string configuration) =>
            Path.Combine(CmdletsSource, "bin", configuration, "netstandard2.0", ModuleName + ".dll");

        public string LoaderAssembly(string configuration) =>
            Path.Combine(Root, "src", "AadstsTools.Loader", "bin", configuration, "net8.0", "AadstsTools.Loader.dll");

        /// <summary>The repository holding <paramref name="start"/>: the nearest folder with Directory.Build.props and the manifest.</summary>
        public static RepositoryPaths Find(string start)
        {
            for (DirectoryInfo? folder = new DirectoryInfo(Path.GetFullPath(start)); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")) && File.Exists(Path.Combine(folder.FullName, ModuleName + ".psd1")))
                {
                    return new RepositoryPaths(folder.FullName);
                }
            }

            throw new BuildException("No AadstsTools repository (a folder with Directory.Build.props and " + ModuleName + ".psd1) at or above '" + start + "'.");
        }
    }
}
