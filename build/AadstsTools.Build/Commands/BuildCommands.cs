using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using AadstsTools.Build.Checks;
using AadstsTools.Build.Help;
using AadstsTools.Build.Layout;
using AadstsTools.Build.Metadata;
using AadstsTools.Build.Packaging;

namespace AadstsTools.Build.Commands
{
    /// <summary>layout, help and package: the tool's command line.</summary>
    internal static class BuildCommands
    {
        private static readonly Option<string?> RepoOption = new Option<string?>("--repo")
        {
            Description = "The repository root (default: found from the current folder).",
        };

        private static readonly Option<string> ConfigurationOption = new Option<string>("--configuration", "-c")
        {
            Description = "The build configuration whose outputs are laid out.",
            DefaultValueFactory = _ => "Release",
        };

        private static readonly Option<bool> NoBuildOption = new Option<bool>("--no-build")
        {
            Description = "Use the existing build outputs (after 'dotnet build -c <configuration>'); the engine is still published, without building.",
        };

        public static Command Layout(TextWriter log)
        {
            var output = new Option<string?>("--output", "-o") { Description = "Where the module goes (default: out/AadstsTools); the version folder is created inside." };
            var command = new Command("layout", "Build and lay out out/AadstsTools/<version>/ from the explicit file list, checking the module's consistency.")
            {
                RepoOption, ConfigurationOption, NoBuildOption, output,
            };
            command.SetAction(parse =>
            {
                RepositoryPaths repo = Repo(parse);
                string folder = ModuleBuild.LayOut(repo, parse.GetValue(ConfigurationOption)!, parse.GetValue(NoBuildOption), parse.GetValue(output) ?? repo.ModuleOut, log.WriteLine);
                log.WriteLine("Module laid out: " + folder);
                return 0;
            });
            return command;
        }

        public static Command HelpCommand(TextWriter log)
        {
            var output = new Option<string?>("--output", "-o") { Description = "Where en-US/ is written (default: out/help)." };
            var command = new Command("help", "Turn docs/*.md into en-US/AadstsTools.dll-Help.xml and en-US/about_AadstsTools.help.txt.")
            {
                RepoOption, ConfigurationOption, NoBuildOption, output,
            };
            command.SetAction(parse =>
            {
                RepositoryPaths repo = Repo(parse);
                string configuration = parse.GetValue(ConfigurationOption)!;
                if (!parse.GetValue(NoBuildOption))
                {
                    ModuleBuild.BuildProjects(repo, configuration, log.WriteLine);
                }

                using CmdletAssemblyInspector cmdlets = CmdletAssemblyInspector.Open(repo.CmdletsAssembly(configuration));
                var problems = new List<string>(ModuleChecks.HelpCoverage(repo.Docs, cmdlets, out IReadOnlyList<CommandHelp> help));
                if (problems.Count > 0)
                {
                    throw new BuildException(problems);
                }

                string folder = parse.GetValue(output) ?? Path.Combine(repo.Out, "help");
                var maml = HelpFiles.Write(folder, repo.Docs, help);
                problems.AddRange(ModuleChecks.MamlCoverage(maml, HelpFiles.MamlFileName, cmdlets));
                if (problems.Count > 0)
                {
                    throw new BuildException(problems);
                }

                log.WriteLine("Help written: " + Path.Combine(folder, HelpFiles.Culture));
                return 0;
            });
            return command;
        }

        public static Command NewDocs(TextWriter log)
        {
            var command = new Command("new-docs", "Write docs/<Cmdlet>.md for each compiled cmdlet that has no page yet: syntax and parameter blocks from the assembly, placeholders for the prose.")
            {
                RepoOption, ConfigurationOption, NoBuildOption,
            };
            command.SetAction(parse =>
            {
                RepositoryPaths repo = Repo(parse);
                string configuration = parse.GetValue(ConfigurationOption)!;
                if (!parse.GetValue(NoBuildOption))
                {
                    ModuleBuild.BuildProjects(repo, configuration, log.WriteLine);
                }

                using CmdletAssemblyInspector cmdlets = CmdletAssemblyInspector.Open(repo.CmdletsAssembly(configuration));
                foreach (CompiledCmdlet cmdlet in cmdlets.Cmdlets)
                {
                    string page = Path.Combine(repo.Docs, cmdlet.Name + ".md");
                    if (!File.Exists(page))
                    {
                        File.WriteAllText(page, MarkdownHelpSkeleton.Write(cmdlet));
                        log.WriteLine("Written: " + page + " (replace every {{ ... }} placeholder)");
                    }
                }

                return 0;
            });
            return command;
        }

        public static Command Package(TextWriter log)
        {
            var module = new Option<string?>("--module") { Description = "The laid-out module folder (default: lay it out first, as 'layout' does)." };
            var output = new Option<string?>("--output", "-o") { Description = "Where the .nupkg goes (default: out)." };
            var command = new Command("package", "Pack the module folder into AadstsTools.<version>.nupkg for Publish-PSResource / Publish-Module.")
            {
                RepoOption, ConfigurationOption, NoBuildOption, module, output,
            };
            command.SetAction(parse =>
            {
                RepositoryPaths repo = Repo(parse);
                string folder = parse.GetValue(module)
                    ?? ModuleBuild.LayOut(repo, parse.GetValue(ConfigurationOption)!, parse.GetValue(NoBuildOption), repo.ModuleOut, log.WriteLine);
                LayoutSpec layout = LayoutSpec.Load(repo.LayoutSpec);
                IReadOnlyList<string> problems = ModuleLayoutBuilder.CompareFolder(folder, layout);
                if (problems.Count > 0)
                {
                    throw new BuildException(problems);
                }

                string package = ModulePackage.Create(folder, parse.GetValue(output) ?? repo.Out);
                log.WriteLine("Package written: " + package);
                return 0;
            });
            return command;
        }

        private static RepositoryPaths Repo(ParseResult parse) =>
            parse.GetValue(RepoOption) is string root ? new RepositoryPaths(root) : RepositoryPaths.Find(Directory.GetCurrentDirectory());
    }
}
