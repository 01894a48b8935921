namespace AadstsTools.Journal
{
    /// <summary>
    /// A last line that is not a whole record: the process was killed while writing it. It is ignored (the state
    /// change it was writing never counted) and cut off when the journal is next opened for writing.
    /// </summary>
    public sealed class TornJournalLine
    {
        internal TornJournalLine(int lineNumber, long byteOffset, long byteCount)
        {
            LineNumber = lineNumber;
            ByteOffset = byteOffset;
            ByteCount = byteCount;
        }

        /// <summary>1-based line number.</summary>
        public int LineNumber { get; }

        /// <summary>Where the line starts in the file: the file's length once it is cut off.</summary>
        public long ByteOffset { get; }

        /// <summary>How many bytes the line and anything after it hold.</summary>
        public long ByteCount { get; }

        public override string ToString() => $"line {LineNumber} ({ByteCount} bytes) is incomplete";
    }
}
