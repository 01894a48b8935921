using System.Collections.Generic;

namespace AadstsTools.Build.Help
{
    /// <summary>"### Example 1: Title", its code and the remarks after it.</summary>
    public sealed class ExampleHelp
    {
        public ExampleHelp(string title, string code, IReadOnlyList<string> remarks)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
        }

        public string Title { get; }

        public string Code { get; }

        public IReadOnlyList<string> Remarks { get; }
    }
}
