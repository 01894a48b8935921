using System;

namespace AadstsTools.SignIns.Files
{
    /// <summary>What a date text says: one instant, or two when day and month could be swapped.</summary>
    internal readonly struct DateReading
    {
        private DateReading(DateTimeOffset dayFirst, DateTimeOffset monthFirst, SignInDateOrder evidence, bool ambiguous)
        {
            DayFirst = dayFirst;
            MonthFirst = monthFirst;
            Evidence = evidence;
            IsAmbiguous = ambiguous;
        }

        /// <summary>The instant read day-first (the only one when the text is unambiguous).</summary>
        public DateTimeOffset DayFirst { get; }

        public DateTimeOffset MonthFirst { get; }

        /// <summary>The order this text proves (a day above 12), or Auto when it proves none.</summary>
        public SignInDateOrder Evidence { get; }

        public bool IsAmbiguous { get; }

        public static DateReading Exact(DateTimeOffset value, SignInDateOrder evidence = SignInDateOrder.Auto) =>
            new DateReading(value, value, evidence, ambiguous: false);

        public static DateReading Ambiguous(DateTimeOffset dayFirst, DateTimeOffset monthFirst) =>
            new DateReading(dayFirst, monthFirst, SignInDateOrder.Auto, ambiguous: true);

        public DateTimeOffset In(SignInDateOrder order) => order == SignInDateOrder.MonthFirst ? MonthFirst : DayFirst;
    }
}
