using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// What reading one sign-in file came to: rows read, rows skipped (with the first few line numbers and
    /// why), how ambiguous dates were read, and the error that stopped the read, if one did. Filled while the
    /// rows stream; complete when the enumeration ends.
    /// </summary>
    public sealed class SignInReadReport
    {
        /// <summary>How many skipped rows are named by line in the warning.</summary>
        public const int SampleSize = 5;

        private readonly List<(long Line, string Problem)> _skipped = new List<(long, string)>();

        public SignInReadReport(string source)
        {
            Source = source;
        }

        /// <summary>The file's name as the messages show it.</summary>
        public string Source { get; }

        /// <summary>"CSV" or "JSON", once known.</summary>
        public string? Format { get; internal set; }

        /// <summary>The log the file holds, as far as the file says.</summary>
        public SignInLogType LogType { get; internal set; }

        /// <summary>The CSV's columns, once read.</summary>
        public IReadOnlyList<string> Columns { get; internal set; } = new string[0];

        public long RowsRead { get; internal set; }

        public long RowsSkipped { get; internal set; }

        /// <summary>The first few skipped rows: line and problem.</summary>
        public IReadOnlyList<(long Line, string Problem)> SkippedSamples => _skipped;

        /// <summary>Ambiguous dates (05/06/2026) read in the order <see cref="DateOrderUsed"/>.</summary>
        public long AmbiguousDates { get; internal set; }

        /// <summary>The first ambiguous date, as written, with its line.</summary>
        public (long Line, string Text)? AmbiguousSample { get; internal set; }

        /// <summary>The order ambiguous dates were read in, and why.</summary>
        public SignInDateOrder DateOrderUsed { get; internal set; }

        /// <summary>"the file's own dates (line 57: 20/11/2026 09:14)", "the culture en-GB", "-DateOrder".</summary>
        public string? DateOrderReason { get; internal set; }

        /// <summary>True when the order had no evidence in the file and came from the fallback culture.</summary>
        public bool DateOrderGuessed { get; internal set; }

        /// <summary>Rows whose unambiguous date contradicts the order the rest of the file uses.</summary>
        public long MixedDateOrderRows { get; internal set; }

        /// <summary>Other things worth a warning, e.g. a JSON file that ends without its closing bracket.</summary>
        public IList<string> Notes { get; } = new List<string>();

        /// <summary>The error that ended the read early (rows read before it stand), if any.</summary>
        public EngineError? Error { get; internal set; }

        /// <summary>True once the read has ended, by the end of the file or by an error.</summary>
        public bool Completed { get; internal set; }

        internal void Skip(long line, string problem)
        {
            RowsSkipped++;
            if (_skipped.Count < SampleSize)
            {
                _skipped.Add((line, problem));
            }
        }

        /// <summary>
        /// Writes the outcome: the error that stopped the read, ONE warning that counts the skipped rows, one
        /// about guessed or mixed date orders, and a verbose line with the totals.
        /// </summary>
        public void WriteTo(IEngineOutput output)
        {
            if (Error != null)
            {
                output.WriteError(Error);
            }

            if (RowsSkipped > 0)
            {
                output.WriteWarning(SkippedMessage());
            }

            if (DateOrderGuessed && AmbiguousDates > 0 && AmbiguousSample is { } sample)
            {
                string other = DateOrderUsed == SignInDateOrder.DayFirst ? "MonthFirst" : "DayFirst";
                output.WriteWarning(
                    $"{Source}: {Count(AmbiguousDates, "date")} such as '{sample.Text}' (line {sample.Line}) could be day/month or month/day, and no date in the file tells which; "
                    + $"they were read {Describe(DateOrderUsed)} as {DateOrderReason} writes them. If the file was re-saved where dates are written the other way, read it again with -DateOrder {other} (aadsts: --date-order {other}).");
            }

            if (MixedDateOrderRows > 0)
            {
                output.WriteWarning($"{Source}: {Count(MixedDateOrderRows, "row")} have dates written in the other day/month order than the rest of the file; each was read as the only valid date it can be. The file may join downloads re-saved on different machines.");
            }

            foreach (string note in Notes)
            {
                output.WriteWarning(note);
            }

            if (Error == null && RowsRead == 0 && RowsSkipped == 0 && Completed)
            {
                output.WriteWarning(Format == "JSON" ? $"{Source} holds no sign-in records." : $"{Source} has a header but no sign-in rows.");
            }

            string order = AmbiguousDates > 0 && !DateOrderGuessed ? $"; ambiguous dates read {Describe(DateOrderUsed)}, learned from {DateOrderReason}" : string.Empty;
            output.WriteVerbose($"{Source}: read {Count(RowsRead, "sign-in")} ({Format ?? "unknown format"}, {LogType} log), skipped {RowsSkipped.ToString("N0", CultureInfo.InvariantCulture)}{order}.");
        }

        internal string SkippedMessage()
        {
            string lines = string.Join(", ", _skipped.Select(s => s.Line.ToString(CultureInfo.InvariantCulture)));
            string more = RowsSkipped > _skipped.Count ? ", …" : string.Empty;
            (long firstLine, string firstProblem) = _skipped[0];
            long total = RowsRead + RowsSkipped;
            return $"{Source}: skipped {RowsSkipped.ToString("N0", CultureInfo.InvariantCulture)} of {Count(total, "row")} that could not be read (line{(RowsSkipped == 1 ? string.Empty : "s")} {lines}{more}). Line {firstLine}: {firstProblem}.";
        }

        internal static string Count(long count, string noun) =>
            count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

        internal static string Describe(SignInDateOrder order) => order == SignInDateOrder.MonthFirst ? "month first (MM/dd)" : "day first (dd/MM)";
    }
}
