using System;
using AadstsTools.Output;

namespace AadstsTools.Journal
{
    /// <summary>A journal that can't be used: which file, which line, what is wrong, and the kind of error.</summary>
    public sealed class JournalFileException : Exception
    {
        /// <summary>A problem with <paramref name="file"/>, at <paramref name="line"/> (0 for the whole file).</summary>
        public JournalFileException(string file, int line, ErrorKind kind, string problem, Exception? inner = null)
            : base(line > 0 ? $"Journal '{file}', line {line}: {problem}" : $"Journal '{file}': {problem}", inner)
        {
            File = file;
            Line = line;
            Kind = kind;
            Problem = problem;
        }

        /// <summary>The journal's full path.</summary>
        public string File { get; }

        /// <summary>1-based; 0 when the problem is the file as a whole (locked, unreadable, unwritable).</summary>
        public int Line { get; }

        /// <summary>
        /// ResourceUnavailable: in use by another run; InvalidData: a malformed line; PermissionDenied or
        /// InvalidArgument: can't be opened; WriteError: can't be appended to.
        /// </summary>
        public ErrorKind Kind { get; }

        /// <summary>What is wrong, without the file and line prefix of <see cref="Exception.Message"/>.</summary>
        public string Problem { get; }
    }
}
