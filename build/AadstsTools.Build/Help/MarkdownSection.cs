using System.Collections.Generic;

namespace AadstsTools.Build.Help
{
    /// <summary>A heading of a help markdown file with the lines under it (code fences kept whole) and its subsections.</summary>
    internal sealed class MarkdownSection
    {
        public MarkdownSection(int level, string title, int line)
        {
            Level = level;
            Title = title;
            Line = line;
        }

        public int Level { get; }

        public string Title { get; }

        /// <summary>1-based line of the heading.</summary>
        public int Line { get; }

        public List<string> Body { get; } = new List<string>();

        public List<MarkdownSection> Children { get; } = new List<MarkdownSection>();
    }
}
