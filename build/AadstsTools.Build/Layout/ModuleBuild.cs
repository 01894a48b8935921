using System;
using System.Collections.Generic;
using System.IO;

namespace AadstsTools.Build.Layout
{
    /// <summary>The dotnet steps before a layout: build the cmdlets and the loader, publish the engine.</summary>
    public static class ModuleBuild
    {
        public static void BuildProjects(RepositoryPaths repo, string configuration, Action<string> log)
        {
            DotNet.Run(repo.Root, new[] { "build", repo.CmdletsProject, "-c", configuration, "-nologo", "-v:q" }, log);
            DotNet.Run(repo.Root, new[] { "build", repo.LoaderProject, "-c", configuration, "-nologo", "-v:q" }, log);
        }

        /// <summary>Publishes the engine into a fresh <paramref name="folder"/>: its files are what Dependencies/ is checked against.</summary>
        public static void PublishEngine(RepositoryPaths repo, string configuration, bool noBuild, string folder, Action<string> log)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var arguments = new List<string> { "publish", repo.EngineProject, "-c", configuration, "-o", folder, "-nologo", "-v:q" };
            if (noBuild)
            {
                arguments.Add("--no-build");
            }

            DotNet.Run(repo.Root, arguments, log);
        }

        /// <summary>Builds (unless told not to), publishes the engine, and lays the module out; returns the module folder.</summary>
        public static string LayOut(RepositoryPaths repo, string configuration, bool noBuild, string outputRoot, Action<string> log)
        {
            if (!noBuild)
            {
                BuildProjects(repo, configuration, log);
            }

            string publish = Path.Combine(repo.Staging, "engine-" + configuration);
            PublishEngine(repo, configuration, noBuild, publish, log);
            return new ModuleLayoutBuilder(repo, configuration).Build(publish, outputRoot);
        }
    }
}
