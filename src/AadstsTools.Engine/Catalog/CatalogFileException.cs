using System;

namespace AadstsTools.Catalog
{
    /// <summary>A catalog or overlay file that can't be used: which file, which line, what is wrong.</summary>
    public sealed class CatalogFileException : Exception
    {
        public CatalogFileException(string file, int line, string problem, Exception? inner = null)
            : base(Format(file, line, problem), inner)
        {
            File = file;
            Line = line;
            Problem = problem;
        }

        public string File { get; }

        /// <summary>1-based; 0 when the problem is the file as a whole (missing, unreadable).</summary>
        public int Line { get; }

        public string Problem { get; }

        private static string Format(string file, int line, string problem) =>
            line > 0 ? $"Catalog file '{file}', line {line}: {problem}" : $"Catalog file '{file}': {problem}";
    }
}
