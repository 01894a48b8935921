using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace AadstsTools.Build.Help
{
    /// <summary>
    /// Turns docs/about_&lt;Topic&gt;.md into the about_&lt;Topic&gt;.help.txt that Get-Help about_&lt;Topic&gt; shows:
    /// headings in capitals at the margin, text indented and wrapped at 80 columns, code and tables as written.
    /// </summary>
    public static class AboutTopicWriter
    {
        public const int Width = 80;
        private const string Indent = "    ";

        public static string Convert(string markdownPath)
        {
            if (!File.Exists(markdownPath))
            {
                throw new BuildException(markdownPath + ": missing; the module's about topic is written here.");
            }

            return Convert(File.ReadAllText(markdownPath), markdownPath);
        }

        public static string Convert(string markdown, string source)
        {
            MarkdownDocument document = MarkdownDocument.Parse(markdown, source);
            MarkdownSection? title = document.Root.Children.FirstOrDefault(s => s.Level == 1);
            string expected = Path.GetFileNameWithoutExtension(source);
            if (title == null || !title.Title.Equals(expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new BuildException(source + ": the first heading must be '# " + expected + "'.");
            }

            var missing = new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" }
                .Where(name => !title.Children.Any(s => s.Title.Equals(name, StringComparison.OrdinalIgnoreCase)))
                .Select(name => source + ": no '## " + name + "' section.")
                .ToList();
            if (missing.Count > 0)
            {
                throw new BuildException(missing);
            }

            var text = new StringBuilder();
            text.Append("TOPIC\n").Append(Indent).Append(title.Title).Append("\n\n");
            foreach (MarkdownSection section in title.Children)
            {
                WriteSection(text, section, depth: 0);
            }

            return text.ToString().TrimEnd('\n') + "\n";
        }

        private static void WriteSection(StringBuilder text, MarkdownSection section, int depth)
        {
            string headingIndent = new string(' ', depth * Indent.Length);
            text.Append(headingIndent).Append(depth == 0 ? section.Title.ToUpperInvariant() : section.Title).Append('\n');
            string bodyIndent = headingIndent + Indent;
            foreach (MarkdownBlock block in MarkdownDocument.Blocks(section.Body))
            {
                if (block.IsCode)
                {
                    foreach (string line in block.Text.Split('\n'))
                    {
                        text.Append(bodyIndent).Append(block.Language == MarkdownDocument.TableLanguage ? string.Empty : Indent).Append(line).Append('\n');
                    }
                }
                else
                {
                    Wrap(text, block.Text, bodyIndent);
                }

                text.Append('\n');
            }

            if (MarkdownDocument.Blocks(section.Body).Count == 0)
            {
                text.Append('\n');
            }

            foreach (MarkdownSection child in section.Children)
            {
                WriteSection(text, child, depth + 1);
            }
        }

        /// <summary>Wraps at <see cref="Width"/>; a list item's continuation lines hang under its text.</summary>
        private static void Wrap(StringBuilder text, string paragraph, string indent)
        {
            string plain = paragraph.Replace("`", string.Empty, StringComparison.Ordinal).Replace("**", string.Empty, StringComparison.Ordinal);
            int marker = plain.StartsWith("- ", StringComparison.Ordinal) ? 2 : 0;
            string hanging = indent + new string(' ', marker);
            var line = new StringBuilder(indent);
            int prefix = indent.Length;
            foreach (string word in plain.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > prefix && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(hanging);
                    prefix = hanging.Length;
                }
                else if (line.Length > prefix)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            text.Append(line).Append('\n');
        }
    }
}
