using System;
using System.Collections.Generic;
using System.Linq;

namespace AadstsTools.Build
{
    /// <summary>A build step that cannot go on: every problem found, each naming the file and what was expected.</summary>
    public sealed class BuildException : Exception
    {
        public BuildException(string message)
            : this(new[] { message })
        {
        }

        public BuildException(IEnumerable<string> problems)
            : base(string.Join(Environment.NewLine, problems))
        {
            Problems = problems.ToList();
        }

        public IReadOnlyList<string> Problems { get; }
    }
}
