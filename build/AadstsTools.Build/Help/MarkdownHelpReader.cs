using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AadstsTools.Build.Help
{
    /// <summary>
    /// Reads docs/&lt;Cmdlet&gt;.md in platyPS's markdown schema 2.0 (as New-MarkdownHelp writes it) into a
    /// <see cref="CommandHelp"/>. A missing or malformed section is an error naming the file and line.
    /// </summary>
    public static class MarkdownHelpReader
    {
        private static readonly string[] KnownSections =
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        private static readonly Regex SetHeading = new Regex(@"^(?<name>.+?)(\s*\((?<default>Default)\))?$", RegexOptions.CultureInvariant);
        private static readonly Regex Link = new Regex(@"^\[(?<text>[^\]]*)\]\((?<uri>[^)]*)\)$", RegexOptions.CultureInvariant);

        public static CommandHelp Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new BuildException(path + ": missing; every cmdlet needs its help page in docs/ (platyPS markdown, schema 2.0).");
            }

            return Parse(File.ReadAllText(path), path);
        }

        public static CommandHelp Parse(string text, string source)
        {
            MarkdownDocument document = MarkdownDocument.Parse(text, source);
            var problems = new List<string>();
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(MarkdownHelpSkeleton.PlaceholderStart, StringComparison.Ordinal))
                {
                    problems.Add(source + ": line " + (i + 1) + ": replace the placeholder '" + lines[i].Trim() + "' with real help.");
                }
            }

            if (!document.FrontMatter.TryGetValue("schema", out string? schema) || !schema.StartsWith("2.", StringComparison.Ordinal))
            {
                problems.Add(source + ": the front matter must say 'schema: 2.0.0' (platyPS markdown schema 2.0).");
            }

            MarkdownSection? title = document.Root.Children.FirstOrDefault(s => s.Level == 1);
            if (title == null)
            {
                throw new BuildException(source + ": no '# Cmdlet-Name' heading.");
            }

            foreach (MarkdownSection unknown in title.Children.Where(s => !KnownSections.Contains(s.Title, StringComparer.Ordinal)))
            {
                problems.Add(source + ": line " + unknown.Line + ": unknown section '## " + unknown.Title + "'; expected one of " + string.Join(", ", KnownSections) + ".");
            }

            string synopsis = string.Join(" ", MarkdownDocument.Paragraphs(Required(title, "SYNOPSIS", source, problems)?.Body ?? new List<string>()));
            if (synopsis.Length == 0)
            {
                problems.Add(source + ": line " + title.Line + ": ## SYNOPSIS is empty.");
            }

            MarkdownSection? syntax = Required(title, "SYNTAX", source, problems);
            var sets = (syntax?.Children ?? new List<MarkdownSection>())
                .Select(s => SetHeading.Match(s.Title))
                .Select(m => new SyntaxSet(m.Groups["name"].Value.Trim(), m.Groups["default"].Success))
                .ToList();

            IReadOnlyList<string> description = MarkdownDocument.Paragraphs(Required(title, "DESCRIPTION", source, problems)?.Body ?? new List<string>());
            if (description.Count == 0)
            {
                problems.Add(source + ": ## DESCRIPTION is empty.");
            }

            List<ExampleHelp> examples = Examples(Required(title, "EXAMPLES", source, problems), source, problems);
            List<ParameterHelp> parameters = Parameters(Required(title, "PARAMETERS", source, problems), source, problems);

            if (problems.Count > 0)
            {
                throw new BuildException(problems);
            }

            return new CommandHelp
            {
                Name = title.Title,
                SourcePath = source,
                Synopsis = synopsis,
                Description = description,
                SyntaxSets = sets,
                Examples = examples,
                Parameters = parameters,
                Inputs = Types(Optional(title, "INPUTS")),
                Outputs = Types(Optional(title, "OUTPUTS")),
                Notes = MarkdownDocument.Paragraphs(Optional(title, "NOTES")?.Body ?? new List<string>()),
                Links = Links(Optional(title, "RELATED LINKS")),
            };
        }

        private static MarkdownSection? Optional(MarkdownSection title, string name) =>
            title.Children.FirstOrDefault(s => s.Title == name);

        private static MarkdownSection? Required(MarkdownSection title, string name, string source, List<string> problems)
        {
            MarkdownSection? section = Optional(title, name);
            if (section == null)
            {
                problems.Add(source + ": no '## " + name + "' section.");
            }

            return section;
        }

        private static List<ExampleHelp> Examples(MarkdownSection? section, string source, List<string> problems)
        {
            var examples = new List<ExampleHelp>();
            foreach (MarkdownSection example in section?.Children ?? new List<MarkdownSection>())
            {
                IReadOnlyList<MarkdownBlock> blocks = MarkdownDocument.Blocks(example.Body);
                string code = string.Join("\n\n", blocks.Where(b => b.IsCode && b.Language != MarkdownDocument.TableLanguage).Select(b => b.Text));
                if (code.Trim().Length == 0)
                {
                    problems.Add(source + ": line " + example.Line + ": '### " + example.Title + "' has no code block.");
                }

                examples.Add(new ExampleHelp(example.Title, code, blocks.Where(b => !b.IsCode).Select(b => b.Text).ToList()));
            }

            if (section != null && examples.Count == 0)
            {
                problems.Add(source + ": line " + section.Line + ": ## EXAMPLES has no '### Example 1: ...'.");
            }

            return examples;
        }

        private static List<ParameterHelp> Parameters(MarkdownSection? section, string source, List<string> problems)
        {
            var parameters = new List<ParameterHelp>();
            foreach (MarkdownSection parameter in section?.Children ?? new List<MarkdownSection>())
            {
                if (parameter.Title == "CommonParameters")
                {
                    continue;
                }

                if (!parameter.Title.StartsWith('-'))
                {
                    problems.Add(source + ": line " + parameter.Line + ": a parameter heading is '### -Name', not '### " + parameter.Title + "'.");
                    continue;
                }

                IReadOnlyList<MarkdownBlock> blocks = MarkdownDocument.Blocks(parameter.Body);
                MarkdownBlock? yaml = blocks.FirstOrDefault(b => b.IsCode && b.Language == "yaml");
                if (yaml == null)
                {
                    problems.Add(source + ": line " + parameter.Line + ": '### " + parameter.Title + "' has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, ...).");
                    continue;
                }

                Dictionary<string, string> fields = yaml.Text.Split('\n')
                    .Select(l => l.Split(':', 2))
                    .Where(p => p.Length == 2 && p[0].Trim().Length > 0)
                    .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
                string Field(string key) => fields.TryGetValue(key, out string? value) ? value : string.Empty;
                if (Field("Type").Length == 0)
                {
                    problems.Add(source + ": line " + parameter.Line + ": '### " + parameter.Title + "' has no 'Type:' in its yaml block.");
                }

                IReadOnlyList<string> description = blocks.Where(b => !b.IsCode).Select(b => b.Text).ToList();
                if (description.Count == 0)
                {
                    problems.Add(source + ": line " + parameter.Line + ": '### " + parameter.Title + "' has no description.");
                }

                parameters.Add(new ParameterHelp
                {
                    Name = parameter.Title.Substring(1),
                    Description = description,
                    Type = Field("Type"),
                    ParameterSets = CommaList(Field("Parameter Sets")),
                    Aliases = CommaList(Field("Aliases")),
                    AcceptedValues = CommaList(Field("Accepted values")),
                    Required = Field("Required").StartsWith("True", StringComparison.OrdinalIgnoreCase),
                    Position = Field("Position").Length == 0 ? "Named" : Field("Position"),
                    DefaultValue = Field("Default value").Length == 0 ? "None" : Field("Default value"),
                    PipelineInput = Field("Accept pipeline input").Length == 0 ? "False" : Field("Accept pipeline input"),
                    Globbing = Field("Accept wildcard characters").StartsWith("True", StringComparison.OrdinalIgnoreCase),
                });
            }

            return parameters;
        }

        private static IReadOnlyList<TypeHelp> Types(MarkdownSection? section) =>
            (section?.Children ?? new List<MarkdownSection>())
                .Select(t => new TypeHelp(t.Title, MarkdownDocument.Paragraphs(t.Body)))
                .ToList();

        private static IReadOnlyList<LinkHelp> Links(MarkdownSection? section) =>
            MarkdownDocument.Paragraphs(section?.Body ?? new List<string>())
                .Select(ToLink)
                .ToList();

        private static LinkHelp ToLink(string paragraph)
        {
            Match link = Link.Match(paragraph);
            return link.Success ? new LinkHelp(link.Groups["text"].Value, link.Groups["uri"].Value) : new LinkHelp(paragraph, string.Empty);
        }

        private static IReadOnlyList<string> CommaList(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
