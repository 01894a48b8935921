using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using AadstsTools.Build.Checks;
using AadstsTools.Build.Help;
using AadstsTools.Build.Manifest;
using AadstsTools.Build.Metadata;

namespace AadstsTools.Build.Layout
{
    /// <summary>
    /// Produces out/AadstsTools/&lt;version&gt;/ from build outputs, exactly as build/module-layout.json lists it:
    /// the cmdlets assembly, the manifest stamped with the version, the format files and the help at the root;
    /// the engine's publish output and the loader under Dependencies/. Every consistency rule is checked first,
    /// and the folder is assembled beside the target and moved into place, so a failed run leaves nothing
    /// half-written.
    /// </summary>
    public sealed class ModuleLayoutBuilder
    {
        /// <summary>Publish output that is not part of the module (symbols, XML docs, the dependency manifest).</summary>
        private static readonly string[] IgnoredPublishExtensions = { ".pdb", ".xml", ".deps.json" };

        private readonly RepositoryPaths _repo;
        private readonly string _configuration;

        public ModuleLayoutBuilder(RepositoryPaths repo, string configuration)
        {
            _repo = repo;
            _configuration = configuration;
        }

        /// <summary>Lays the module out under <paramref name="outputRoot"/> (normally out/AadstsTools) and returns its folder.</summary>
        public string Build(string enginePublishFolder, string outputRoot)
        {
            ModuleVersion version = ModuleVersion.Read(_repo.BuildProps);
            LayoutSpec layout = LayoutSpec.Load(_repo.LayoutSpec);
            ModuleManifest manifest = ModuleManifest.Load(_repo.Manifest);
            var problems = new List<string>();

            Dictionary<string, string> dependencies = DependencySources(enginePublishFolder, layout, problems);

            using CmdletAssemblyInspector cmdlets = CmdletAssemblyInspector.Open(_repo.CmdletsAssembly(_configuration));
            problems.AddRange(ModuleChecks.IsolatedReferences(cmdlets));
            problems.AddRange(ModuleChecks.PublicTypesLoadWithoutDependencies(cmdlets, layout));
            problems.AddRange(ModuleChecks.ManifestExports(manifest, cmdlets));
            problems.AddRange(ModuleChecks.ManifestShape(manifest));
            problems.AddRange(ModuleChecks.ManifestVersion(manifest, version));
            problems.AddRange(ModuleChecks.Formats(manifest, _repo.Formats, layout, cmdlets));
            problems.AddRange(ModuleChecks.HelpCoverage(_repo.Docs, cmdlets, out IReadOnlyList<CommandHelp> help));
            if (problems.Count > 0)
            {
                throw new BuildException(problems);
            }

            string target = Path.Combine(outputRoot, version.Numeric.ToString());
            string staging = Path.Combine(outputRoot, "." + version.Numeric + ".partial");
            DeleteFolder(staging);
            Directory.CreateDirectory(staging);
            try
            {
                Copy(_repo.CmdletsAssembly(_configuration), staging, RepositoryPaths.ModuleName + ".dll");
                File.WriteAllText(Path.Combine(staging, RepositoryPaths.ModuleName + ".psd1"), manifest.WithVersion(version).Text, new UTF8Encoding(true));
                foreach (string format in manifest.FormatsToProcess)
                {
                    Copy(Path.Combine(_repo.Formats, format), staging, format);
                }

                XDocument maml = HelpFiles.Write(staging, _repo.Docs, help);
                problems.AddRange(ModuleChecks.MamlCoverage(maml, HelpFiles.MamlFileName, cmdlets));
                foreach ((string name, string source) in dependencies)
                {
                    Copy(source, staging, LayoutSpec.DependenciesFolder + "/" + name);
                }

                problems.AddRange(CompareFolder(staging, layout));
                if (problems.Count > 0)
                {
                    throw new BuildException(problems);
                }

                DeleteFolder(target);
                Directory.Move(staging, target);
                return target;
            }
            finally
            {
                DeleteFolder(staging);
            }
        }

        /// <summary>The folder's files against the explicit list: every problem names the file.</summary>
        public static IReadOnlyList<string> CompareFolder(string folder, LayoutSpec layout)
        {
            List<string> present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .ToList();
            var problems = new List<string>();
            problems.AddRange(layout.AllFiles.Except(present, StringComparer.Ordinal).Select(f => folder + ": missing " + f + " (listed in " + layout.Path + ")."));
            problems.AddRange(present.Except(layout.AllFiles, StringComparer.Ordinal).Select(f => folder + ": unexpected " + f + " (not listed in " + layout.Path + ")."));
            return problems;
        }

        /// <summary>
        /// Dependencies/ from the engine's publish output (and the loader's build): the publish output must be
        /// exactly the listed dependencies, no more, no less.
        /// </summary>
        private Dictionary<string, string> DependencySources(string publishFolder, LayoutSpec layout, List<string> problems)
        {
            var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(publishFolder))
            {
                problems.Add(publishFolder + ": the engine's publish output is missing.");
                return sources;
            }

            foreach (string file in Directory.GetFiles(publishFolder, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(publishFolder, file).Replace('\\', '/');
                if (!IgnoredPublishExtensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    sources[relative] = file;
                }
            }

            string loader = _repo.LoaderAssembly(_configuration);
            string loaderName = Path.GetFileName(loader);
            if (File.Exists(loader))
            {
                sources[loaderName] = loader;
            }
            else
            {
                problems.Add(loader + ": the loader is missing; build src/AadstsTools.Loader.");
            }

            foreach (string expected in layout.Dependencies.Where(d => !sources.ContainsKey(d)))
            {
                problems.Add(publishFolder + ": the engine's publish output lacks " + expected + ", which " + layout.Path + " lists under dependencies.");
            }

            foreach (string unexpected in sources.Keys.Where(s => !layout.Dependencies.Contains(s, StringComparer.OrdinalIgnoreCase)).OrderBy(s => s, StringComparer.Ordinal))
            {
                problems.Add(publishFolder + ": the engine's publish output has " + unexpected + ", which " + layout.Path + " does not list under dependencies (add it if the engine now needs it).");
            }

            return sources;
        }

        private static void Copy(string source, string folder, string relative)
        {
            if (!File.Exists(source))
            {
                throw new BuildException(source + ": missing (needed for " + relative + ").");
            }

            string destination = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: false);
        }

        private static void DeleteFolder(string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
