namespace AadstsTools.Build.Help
{
    /// <summary>A RELATED LINKS entry: [text](uri), or a bare command name.</summary>
    public sealed class LinkHelp
    {
        public LinkHelp(string text, string uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }

        public string Uri { get; }
    }
}
