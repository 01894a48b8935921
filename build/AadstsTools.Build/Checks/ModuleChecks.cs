using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AadstsTools.Build.Help;
using AadstsTools.Build.Layout;
using AadstsTools.Build.Manifest;
using AadstsTools.Build.Metadata;

namespace AadstsTools.Build.Checks
{
    /// <summary>
    /// The module's consistency rules, each returning the problems it finds (empty when the rule holds). The
    /// layout step runs them all and refuses to produce a module folder that breaks one; the module tests run
    /// them one by one, on the real repository and on broken copies.
    /// </summary>
    public static class ModuleChecks
    {
        public const string CommandsNamespace = "AadstsTools.Commands";

        /// <summary>Assemblies that must stay behind the engine, in the module's own load context.</summary>
        public static readonly IReadOnlyList<string> IsolatedPrefixes = new[] { "Microsoft.Graph", "Microsoft.Kiota", "Azure.", "Microsoft.Identity." };

        private static readonly Regex CommandClassDeclaration = new Regex(@"\bclass\s+(\w+Command)\b", RegexOptions.CultureInvariant);

        public static IReadOnlyList<string> IsolatedReferences(CmdletAssemblyInspector cmdlets) =>
            cmdlets.ReferencedAssemblyNames
                .Where(name => IsolatedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .Select(name => cmdlets.AssemblyName + " references " + name + " directly; call it through the engine so it stays in the module's load context.")
                .ToList();

        public static IReadOnlyList<string> PublicTypesLoadWithoutDependencies(CmdletAssemblyInspector cmdlets, LayoutSpec layout) =>
            cmdlets.LoadTimeNeeds(layout.DependencyAssemblyNames)
                .Select(need => need + ": PowerShell loads every public type before the module initializer makes Dependencies/ resolvable; keep engine types out of base classes, interfaces and value-type fields.")
                .ToList();

        /// <summary>Sealed, public, in AadstsTools.Commands, named VerbNounCommand, alone in Commands/&lt;ClassName&gt;.cs.</summary>
        public static IReadOnlyList<string> CmdletShape(CmdletAssemblyInspector cmdlets, string commandsSource)
        {
            var problems = new List<string>();
            foreach (CompiledCmdlet cmdlet in cmdlets.Cmdlets)
            {
                string expectedClass = cmdlet.Verb + cmdlet.Noun + "Command";
                if (!cmdlet.IsPublic)
                {
                    problems.Add(cmdlet.ClassName + " (" + cmdlet.Name + ") must be public.");
                }

                if (!cmdlet.IsSealed)
                {
                    problems.Add(cmdlet.ClassName + " (" + cmdlet.Name + ") must be sealed.");
                }

                if (cmdlet.Namespace != CommandsNamespace)
                {
                    problems.Add(cmdlet.ClassName + " (" + cmdlet.Name + ") is in namespace " + cmdlet.Namespace + "; cmdlets live in " + CommandsNamespace + ".");
                }

                if (cmdlet.ClassName != expectedClass)
                {
                    problems.Add(cmdlet.ClassName + " implements " + cmdlet.Name + " and must be named " + expectedClass + ".");
                }

                string file = Path.Combine(commandsSource, cmdlet.ClassName + ".cs");
                if (!File.Exists(file))
                {
                    problems.Add(cmdlet.ClassName + " (" + cmdlet.Name + ") must be in its own file " + file + ".");
                }
            }

            if (Directory.Exists(commandsSource))
            {
                foreach (string file in Directory.GetFiles(commandsSource, "*.cs", SearchOption.AllDirectories))
                {
                    List<string> declared = CommandClassDeclaration.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
                    string expected = Path.GetFileNameWithoutExtension(file);
                    if (declared.Count > 1 || declared.Any(d => d != expected))
                    {
                        problems.Add(file + " declares " + string.Join(", ", declared) + "; one cmdlet class per file, named as the file.");
                    }
                }
            }

            return problems;
        }

        public static IReadOnlyList<string> ApprovedVerbs(CmdletAssemblyInspector cmdlets)
        {
            var approved = new HashSet<string>(cmdlets.ApprovedVerbs(), StringComparer.Ordinal);
            return cmdlets.Cmdlets
                .Where(c => !approved.Contains(c.Verb))
                .Select(c => c.Name + " uses the verb '" + c.Verb + "', which is not an approved verb (Get-Verb).")
                .ToList();
        }

        /// <summary>CmdletsToExport is exactly the compiled cmdlets; AliasesToExport exactly their aliases.</summary>
        public static IReadOnlyList<string> ManifestExports(ModuleManifest manifest, CmdletAssemblyInspector cmdlets)
        {
            var problems = new List<string>();
            CompareSets(problems, manifest.Path, "CmdletsToExport", manifest.CmdletsToExport, cmdlets.Cmdlets.Select(c => c.Name), "compiled cmdlets");
            CompareSets(problems, manifest.Path, "AliasesToExport", manifest.AliasesToExport, cmdlets.Cmdlets.SelectMany(c => c.Aliases), "the cmdlets' [Alias] names");
            foreach (string key in new[] { "FunctionsToExport", "VariablesToExport" })
            {
                if (!manifest.Has(key) || (key == "FunctionsToExport" ? manifest.FunctionsToExport : manifest.VariablesToExport).Count > 0)
                {
                    problems.Add(manifest.Path + ": " + key + " must be @() (explicit and empty: a binary module exports none, and '*' slows command discovery).");
                }
            }

            return problems;
        }

        /// <summary>A binary module for 5.1 and 7 whose dependencies load only through the module initializer.</summary>
        public static IReadOnlyList<string> ManifestShape(ModuleManifest manifest)
        {
            var problems = new List<string>();
            if (manifest.RootModule != RepositoryPaths.ModuleName + ".dll")
            {
                problems.Add(manifest.Path + ": RootModule must be '" + RepositoryPaths.ModuleName + ".dll' (is '" + manifest.RootModule + "').");
            }

            foreach (string key in new[] { "NestedModules", "RequiredAssemblies", "ScriptsToProcess", "TypesToProcess" })
            {
                if (manifest.Has(key))
                {
                    problems.Add(manifest.Path + ": remove " + key + "; it would load assemblies before the module's load context exists.");
                }
            }

            if (!manifest.CompatiblePSEditions.OrderBy(e => e, StringComparer.Ordinal).SequenceEqual(new[] { "Core", "Desktop" }))
            {
                problems.Add(manifest.Path + ": CompatiblePSEditions must be @('Desktop', 'Core').");
            }

            if (manifest.PowerShellVersion != "5.1")
            {
                problems.Add(manifest.Path + ": PowerShellVersion must be '5.1'.");
            }

            if (!System.Guid.TryParse(manifest.Guid, out _))
            {
                problems.Add(manifest.Path + ": GUID is missing or not a GUID.");
            }

            foreach ((string key, string? value) in new[] { ("Author", manifest.Author), ("Description", manifest.Description) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add(manifest.Path + ": " + key + " is required by the PowerShell Gallery.");
                }
            }

            return problems;
        }

        public static IReadOnlyList<string> ManifestVersion(ModuleManifest manifest, ModuleVersion version) =>
            manifest.ModuleVersion == version.Numeric.ToString()
                ? Array.Empty<string>()
                : new[] { manifest.Path + ": ModuleVersion is '" + manifest.ModuleVersion + "' but Directory.Build.props says " + version.Numeric + "; keep them equal." };

        /// <summary>
        /// FormatsToProcess names exactly the format files of src/AadstsTools/Formats and of the layout list; each
        /// is valid; every type a cmdlet declares in [OutputType] (except .NET's own) has a view.
        /// </summary>
        public static IReadOnlyList<string> Formats(ModuleManifest manifest, string formatsSource, LayoutSpec layout, CmdletAssemblyInspector cmdlets)
        {
            var problems = new List<string>();
            IEnumerable<string> sourceFiles = Directory.Exists(formatsSource)
                ? Directory.GetFiles(formatsSource, "*.format.ps1xml").Select(Path.GetFileName).Select(f => f!)
                : Array.Empty<string>();
            CompareSets(problems, manifest.Path, "FormatsToProcess", manifest.FormatsToProcess, sourceFiles, "the files in " + formatsSource);
            CompareSets(problems, layout.Path, "root format files", layout.RootFormatFiles, manifest.FormatsToProcess, "FormatsToProcess");

            var viewed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string name in manifest.FormatsToProcess)
            {
                FormatFile file = FormatFile.Load(Path.Combine(formatsSource, name));
                problems.AddRange(file.Problems);
                viewed.UnionWith(file.Views.SelectMany(v => v.TypeNames));
            }

            foreach (CompiledCmdlet cmdlet in cmdlets.Cmdlets)
            {
                foreach (string type in cmdlet.OutputTypes.Where(t => !t.StartsWith("System.", StringComparison.Ordinal)))
                {
                    if (!viewed.Contains(type))
                    {
                        problems.Add(cmdlet.Name + " declares [OutputType] " + type + " but no format file has a view for it.");
                    }
                }
            }

            return problems;
        }

        /// <summary>Reads docs/&lt;Cmdlet&gt;.md for every compiled cmdlet and checks every parameter is documented.</summary>
        public static IReadOnlyList<string> HelpCoverage(string docs, CmdletAssemblyInspector cmdlets, out IReadOnlyList<CommandHelp> help)
        {
            var problems = new List<string>();
            var pages = new List<CommandHelp>();
            foreach (CompiledCmdlet cmdlet in cmdlets.Cmdlets)
            {
                CommandHelp page;
                try
                {
                    page = MarkdownHelpReader.Load(Path.Combine(docs, cmdlet.Name + ".md"));
                }
                catch (BuildException ex)
                {
                    problems.AddRange(ex.Problems);
                    continue;
                }

                pages.Add(page);
                if (page.Name != cmdlet.Name)
                {
                    problems.Add(page.SourcePath + ": the title is '# " + page.Name + "'; expected '# " + cmdlet.Name + "'.");
                }

                var documented = new HashSet<string>(page.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
                foreach (CompiledParameter parameter in cmdlet.Parameters.Where(p => !documented.Contains(p.Name)))
                {
                    problems.Add(page.SourcePath + ": -" + parameter.Name + " of " + cmdlet.Name + " is not documented (add '### -" + parameter.Name + "' under ## PARAMETERS).");
                }

                var compiled = new HashSet<string>(cmdlet.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
                if (cmdlet.SupportsShouldProcess)
                {
                    compiled.UnionWith(new[] { "WhatIf", "Confirm" });
                }

                foreach (ParameterHelp stale in page.Parameters.Where(p => !compiled.Contains(p.Name)))
                {
                    problems.Add(page.SourcePath + ": documents -" + stale.Name + ", which " + cmdlet.Name + " does not have.");
                }
            }

            if (Directory.Exists(docs))
            {
                var names = new HashSet<string>(cmdlets.Cmdlets.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
                foreach (string page in Directory.GetFiles(docs, "*.md").Where(p => !Path.GetFileName(p).StartsWith("about_", StringComparison.OrdinalIgnoreCase)))
                {
                    if (!names.Contains(Path.GetFileNameWithoutExtension(page)))
                    {
                        problems.Add(page + ": no compiled cmdlet has this name; rename or remove the page.");
                    }
                }
            }

            help = pages;
            return problems;
        }

        /// <summary>The MAML Get-Help reads holds every cmdlet, each parameter, and at least one example.</summary>
        public static IReadOnlyList<string> MamlCoverage(XDocument maml, string source, CmdletAssemblyInspector cmdlets)
        {
            var problems = new List<string>();
            Dictionary<string, XElement> commands = maml.Root!.Elements(MamlWriter.Command + "command")
                .GroupBy(c => (string?)c.Element(MamlWriter.Command + "details")?.Element(MamlWriter.Command + "name") ?? string.Empty)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (CompiledCmdlet cmdlet in cmdlets.Cmdlets)
            {
                if (!commands.TryGetValue(cmdlet.Name, out XElement? command))
                {
                    problems.Add(source + ": no help for " + cmdlet.Name + ".");
                    continue;
                }

                var parameters = new HashSet<string>(
                    command.Element(MamlWriter.Command + "parameters")?.Elements(MamlWriter.Command + "parameter").Select(p => (string?)p.Element(MamlWriter.Maml + "name") ?? string.Empty) ?? Array.Empty<string>(),
                    StringComparer.OrdinalIgnoreCase);
                problems.AddRange(cmdlet.Parameters.Where(p => !parameters.Contains(p.Name)).Select(p => source + ": " + cmdlet.Name + " has no help for -" + p.Name + "."));
                if (!(command.Element(MamlWriter.Command + "examples")?.Elements(MamlWriter.Command + "example").Any() ?? false))
                {
                    problems.Add(source + ": " + cmdlet.Name + " has no example.");
                }
            }

            return problems;
        }

        private static void CompareSets(List<string> problems, string file, string what, IEnumerable<string> listed, IEnumerable<string> actual, string actualName)
        {
            var listedSet = new HashSet<string>(listed, StringComparer.OrdinalIgnoreCase);
            var actualSet = new HashSet<string>(actual, StringComparer.OrdinalIgnoreCase);
            foreach (string missing in actualSet.Except(listedSet, StringComparer.OrdinalIgnoreCase).OrderBy(x => x, StringComparer.Ordinal))
            {
                problems.Add(file + ": " + what + " lacks '" + missing + "' (in " + actualName + ").");
            }

            foreach (string extra in listedSet.Except(actualSet, StringComparer.OrdinalIgnoreCase).OrderBy(x => x, StringComparer.Ordinal))
            {
                problems.Add(file + ": " + what + " lists '" + extra + "', which is not in " + actualName + ".");
            }

            if (listedSet.Any(l => l.Contains('*', StringComparison.Ordinal)))
            {
                problems.Add(file + ": " + what + " must list names, not wildcards.");
            }
        }
    }
}
