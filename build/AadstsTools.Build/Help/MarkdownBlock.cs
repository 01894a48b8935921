namespace AadstsTools.Build.Help
{
    /// <summary>A paragraph (lines joined) or a fenced code block of a section's body.</summary>
    internal sealed class MarkdownBlock
    {
        public MarkdownBlock(string text, bool isCode, string language)
        {
            Text = text;
            IsCode = isCode;
            Language = language;
        }

        public string Text { get; }

        public bool IsCode { get; }

        /// <summary>The fence's info string, e.g. "powershell" or "yaml"; empty for paragraphs.</summary>
        public string Language { get; }
    }
}
