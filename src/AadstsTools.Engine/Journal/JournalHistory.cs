using System;
using System.Collections.Generic;
using AadstsTools.Output;

namespace AadstsTools.Journal
{
    /// <summary>
    /// What a journal held when it was read: its entries in file order and, per user, the last state. A torn last
    /// line (the process killed mid-write) is reported in <see cref="TornLastLine"/>, not thrown; any other
    /// malformed line is a <see cref="JournalFileException"/> naming the file and line.
    /// </summary>
    public sealed class JournalHistory
    {
        private readonly JournalIndex _index = new JournalIndex();

        private JournalHistory(string file, IReadOnlyList<JournalEntry> entries, TornJournalLine? tornLastLine, bool endsWithoutNewline)
        {
            File = file;
            Entries = entries;
            TornLastLine = tornLastLine;
            EndsWithoutNewline = endsWithoutNewline;
            foreach (JournalEntry entry in entries)
            {
                _index.Add(entry);
            }
        }

        /// <summary>The journal's full path.</summary>
        public string File { get; }

        /// <summary>Every whole record, in file order.</summary>
        public IReadOnlyList<JournalEntry> Entries { get; }

        /// <summary>The incomplete last line, if the last run was killed while writing it; null otherwise.</summary>
        public TornJournalLine? TornLastLine { get; }

        /// <summary>The last record is whole but its newline is missing: the next append must start a line.</summary>
        internal bool EndsWithoutNewline { get; }

        /// <summary>The user's state: by the input as given (or an object id given as input), or by <paramref name="objectId"/>.</summary>
        public JournalUserState Lookup(string userKey, string? objectId = null) => _index.Lookup(userKey, objectId);

        /// <summary>The last entry about the user, or null; matched as <see cref="Lookup"/> does.</summary>
        public JournalEntry? LastEntry(string userKey, string? objectId = null) => _index.Last(userKey, objectId);

        internal static JournalHistory Parse(byte[] bytes, string file)
        {
            var entries = new List<JournalEntry>();
            var lines = SplitLines(bytes);
            int last = lines.FindLastIndex(l => !l.IsBlank);
            for (int i = 0; i <= last; i++)
            {
                Line line = lines[i];
                if (line.IsBlank)
                {
                    continue;
                }

                if (JournalLine.TryParse(new ReadOnlySpan<byte>(bytes, line.Start, line.Length), out JournalEntry? entry, out string? problem))
                {
                    entries.Add(entry);
                }
                else if (i == last)
                {
                    var torn = new TornJournalLine(line.Number, line.Start, bytes.Length - line.Start);
                    return new JournalHistory(file, entries, torn, endsWithoutNewline: false);
                }
                else
                {
                    throw new JournalFileException(file, line.Number, ErrorKind.InvalidData, problem + " Only the last line may be incomplete; fix or remove this line.");
                }
            }

            return new JournalHistory(file, entries, null, endsWithoutNewline: bytes.Length > 0 && bytes[bytes.Length - 1] != (byte)'\n');
        }

        private static List<Line> SplitLines(byte[] bytes)
        {
            var lines = new List<Line>();
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int number = 1;
            while (start < bytes.Length)
            {
                int newline = Array.IndexOf(bytes, (byte)'\n', start);
                int end = newline < 0 ? bytes.Length : newline;
                int length = end > start && bytes[end - 1] == (byte)'\r' ? end - start - 1 : end - start;
                lines.Add(new Line(number++, start, length, IsBlank(bytes, start, length)));
                start = end + 1;
            }

            return lines;
        }

        private static bool IsBlank(byte[] bytes, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (bytes[i] != (byte)' ' && bytes[i] != (byte)'\t' && bytes[i] != (byte)'\r')
                {
                    return false;
                }
            }

            return true;
        }

        private readonly struct Line
        {
            public Line(int number, int start, int length, bool isBlank)
            {
                Number = number;
                Start = start;
                Length = length;
                IsBlank = isBlank;
            }

            public int Number { get; }

            public int Start { get; }

            public int Length { get; }

            public bool IsBlank { get; }
        }
    }
}
