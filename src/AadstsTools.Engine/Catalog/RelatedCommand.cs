namespace AadstsTools.Catalog
{
    /// <summary>A command of this module that checks or fixes an error, with the parameters to use.</summary>
    public sealed class RelatedCommand
    {
        public RelatedCommand(string command, string? parameters, string purpose)
        {
            Command = command;
            Parameters = parameters ?? string.Empty;
            Purpose = purpose;
        }

        public string Command { get; }

        public string Parameters { get; }

        public string Purpose { get; }

        /// <summary>The command line, ready to adapt: <c>Reset-AadUserPassword -UserId &lt;UPN&gt;</c>.</summary>
        public string CommandLine => Parameters.Length == 0 ? Command : Command + " " + Parameters;

        public override string ToString() => CommandLine;
    }

    /// <summary>A page to read more.</summary>
    public sealed class GuidanceLink
    {
        public GuidanceLink(string title, string url)
        {
            Title = title;
            Url = url;
        }

        public string Title { get; }

        public string Url { get; }

        public override string ToString() => Title + ": " + Url;
    }
}
