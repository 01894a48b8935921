using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AadstsTools.Build.Help
{
    /// <summary>
    /// The structure of a help markdown file: front matter, headings with their bodies, and the bodies split into
    /// paragraphs and code blocks. Only what platyPS's schema uses; headings inside code fences are code.
    /// </summary>
    internal sealed class MarkdownDocument
    {
        private static readonly Regex Heading = new Regex(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
        public const string TableLanguage = "table";

        private static readonly Regex ListItem = new Regex(@"^\s*([-*+]|\d+[.)])\s+", RegexOptions.CultureInvariant);

        private MarkdownDocument(string source, IReadOnlyDictionary<string, string> frontMatter, MarkdownSection root)
        {
            Source = source;
            FrontMatter = frontMatter;
            Root = root;
        }

        public string Source { get; }

        public IReadOnlyDictionary<string, string> FrontMatter { get; }

        /// <summary>A level-0 section holding the H1 headings.</summary>
        public MarkdownSection Root { get; }

        public static MarkdownDocument Parse(string text, string source)
        {
            string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            int index = 0;
            var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (lines.Length > 0 && lines[0].Trim() == "---")
            {
                index = 1;
                while (index < lines.Length && lines[index].Trim() != "---")
                {
                    int colon = lines[index].IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        frontMatter[lines[index].Substring(0, colon).Trim()] = lines[index].Substring(colon + 1).Trim();
                    }

                    index++;
                }

                if (index >= lines.Length)
                {
                    throw new BuildException(source + ": line 1: the front matter opened with --- is not closed with ---.");
                }

                index++;
            }

            var root = new MarkdownSection(0, string.Empty, 0);
            var open = new Stack<MarkdownSection>();
            open.Push(root);
            bool inFence = false;
            for (; index < lines.Length; index++)
            {
                string line = lines[index];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                Match heading = inFence ? Match.Empty : Heading.Match(line);
                if (!heading.Success)
                {
                    open.Peek().Body.Add(line);
                    continue;
                }

                int level = heading.Groups[1].Length;
                while (open.Peek().Level >= level)
                {
                    open.Pop();
                }

                var section = new MarkdownSection(level, heading.Groups[2].Value, index + 1);
                open.Peek().Children.Add(section);
                open.Push(section);
            }

            if (inFence)
            {
                throw new BuildException(source + ": a ``` code fence is not closed.");
            }

            return new MarkdownDocument(source, frontMatter, root);
        }

        /// <summary>Paragraphs (list items each their own) and code blocks, in order.</summary>
        public static IReadOnlyList<MarkdownBlock> Blocks(IEnumerable<string> body)
        {
            var blocks = new List<MarkdownBlock>();
            var paragraph = new StringBuilder();
            StringBuilder? code = null;
            string language = string.Empty;

            void EndParagraph()
            {
                if (paragraph.Length > 0)
                {
                    blocks.Add(new MarkdownBlock(paragraph.ToString(), false, string.Empty));
                    paragraph.Clear();
                }
            }

            foreach (string line in body)
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    if (code == null)
                    {
                        EndParagraph();
                        code = new StringBuilder();
                        language = trimmed.Substring(3).Trim();
                    }
                    else
                    {
                        blocks.Add(new MarkdownBlock(code.ToString().TrimEnd('\n'), true, language));
                        code = null;
                    }

                    continue;
                }

                if (code != null)
                {
                    code.Append(line).Append('\n');
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    EndParagraph();
                    continue;
                }

                if (trimmed.StartsWith('|'))
                {
                    // A table keeps its lines: it is laid out by hand, like code.
                    EndParagraph();
                    if (blocks.Count > 0 && blocks[^1].Language == TableLanguage)
                    {
                        blocks[^1] = new MarkdownBlock(blocks[^1].Text + "\n" + trimmed, true, TableLanguage);
                    }
                    else
                    {
                        blocks.Add(new MarkdownBlock(trimmed, true, TableLanguage));
                    }

                    continue;
                }

                if (ListItem.IsMatch(line))
                {
                    EndParagraph();
                }

                paragraph.Append(paragraph.Length == 0 ? string.Empty : " ").Append(trimmed);
            }

            EndParagraph();
            return blocks;
        }

        public static IReadOnlyList<string> Paragraphs(IEnumerable<string> body) =>
            Blocks(body).Select(b => b.Text).ToList();
    }
}
