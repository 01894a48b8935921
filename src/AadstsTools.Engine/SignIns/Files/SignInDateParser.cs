using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Reads the download's "Date (UTC)": ISO 8601 as the portal writes it, and the culture formats a
    /// spreadsheet writes when it re-saves the file (20/11/2026 09:14, 11/20/2026 9:14:52 AM, 20.11.2026 09:14,
    /// 2026/11/20 9:14, an Excel serial number). Values without an offset are UTC, as the column says.
    /// </summary>
    internal static class SignInDateParser
    {
        private static readonly Regex NumericDate = new Regex(
            @"^(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})" +
            @"(?:[ T]+(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,7}))?)?\s*(?<ampm>[AaPp]\.?\s?[Mm]\.?)?)?" +
            @"\s*(?<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex SerialNumber = new Regex(@"^\d{5}(?:[.,]\d+)?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static bool TryParse(string? text, out DateReading reading, out string problem)
        {
            reading = default;
            problem = string.Empty;
            string value = (text ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                problem = "the date is empty";
                return false;
            }

            if (value.Length >= 8 && IsDigits(value, 0, 4) && (value[4] == '-' || value[4] == '/' || value[4] == '.'))
            {
                // Year first (ISO 8601, or 2026/11/20 from East Asian cultures): never ambiguous.
                string iso = value[4] == '-' ? value : value.Replace(value[4], '-');
                if (DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed))
                {
                    reading = DateReading.Exact(parsed);
                    return true;
                }

                problem = $"'{value}' is not a date";
                return false;
            }

            if (SerialNumber.IsMatch(value))
            {
                // A spreadsheet cell formatted as a number: days since 1899-12-30.
                double serial = double.Parse(value.Replace(',', '.'), CultureInfo.InvariantCulture);
                reading = DateReading.Exact(new DateTimeOffset(DateTime.FromOADate(serial), TimeSpan.Zero));
                return true;
            }

            Match match = NumericDate.Match(value);
            if (!match.Success)
            {
                problem = $"'{value}' is not a date (expected e.g. 2026-11-20T09:14:52Z)";
                return false;
            }

            int a = Number(match, "a");
            int b = Number(match, "b");
            int year = Number(match, "y");
            if (year < 100)
            {
                year += 2000;
            }

            if (!TryTime(match, out TimeSpan time, out TimeSpan offset))
            {
                problem = $"'{value}' has an impossible time of day";
                return false;
            }

            bool dayFirstValid = TryDate(year, month: b, day: a, time, offset, out DateTimeOffset dayFirst);
            bool monthFirstValid = TryDate(year, month: a, day: b, time, offset, out DateTimeOffset monthFirst);
            if (match.Groups["sep"].Value == ".")
            {
                // dd.MM.yyyy is day first wherever it is written.
                monthFirstValid = false;
            }

            if (dayFirstValid && monthFirstValid)
            {
                reading = dayFirst == monthFirst ? DateReading.Exact(dayFirst) : DateReading.Ambiguous(dayFirst, monthFirst);
                return true;
            }

            if (dayFirstValid)
            {
                reading = DateReading.Exact(dayFirst, a > 12 ? SignInDateOrder.DayFirst : SignInDateOrder.Auto);
                return true;
            }

            if (monthFirstValid)
            {
                reading = DateReading.Exact(monthFirst, SignInDateOrder.MonthFirst);
                return true;
            }

            problem = $"'{value}' is not a date";
            return false;
        }

        /// <summary>The order a culture writes short dates in: month first for en-US and the like.</summary>
        public static SignInDateOrder OrderOf(CultureInfo culture)
        {
            string pattern = culture.DateTimeFormat.ShortDatePattern;
            int day = pattern.IndexOf('d');
            int month = pattern.IndexOf('M');
            return month >= 0 && (day < 0 || month < day) ? SignInDateOrder.MonthFirst : SignInDateOrder.DayFirst;
        }

        private static bool TryTime(Match match, out TimeSpan time, out TimeSpan offset)
        {
            time = TimeSpan.Zero;
            offset = TimeSpan.Zero;
            if (match.Groups["h"].Success)
            {
                int hour = Number(match, "h");
                int minute = Number(match, "m");
                int second = match.Groups["s"].Success ? Number(match, "s") : 0;
                string ampm = match.Groups["ampm"].Value;
                if (ampm.Length > 0)
                {
                    if (hour < 1 || hour > 12)
                    {
                        return false;
                    }

                    bool pm = ampm[0] == 'p' || ampm[0] == 'P';
                    hour = hour % 12 + (pm ? 12 : 0);
                }

                if (hour > 23 || minute > 59 || second > 59)
                {
                    return false;
                }

                time = new TimeSpan(hour, minute, second);
                if (match.Groups["f"].Success)
                {
                    string fraction = match.Groups["f"].Value.PadRight(7, '0');
                    time += TimeSpan.FromTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
                }
            }

            string zone = match.Groups["zone"].Value;
            if (zone.Length > 0 && (zone[0] == '+' || zone[0] == '-'))
            {
                string digits = zone.Replace(":", string.Empty);
                int hours = int.Parse(digits.Substring(1, 2), CultureInfo.InvariantCulture);
                int minutes = int.Parse(digits.Substring(3, 2), CultureInfo.InvariantCulture);
                if (hours > 14 || minutes > 59)
                {
                    return false;
                }

                offset = new TimeSpan(hours, minutes, 0);
                if (zone[0] == '-')
                {
                    offset = offset.Negate();
                }
            }

            return true;
        }

        private static bool TryDate(int year, int month, int day, TimeSpan time, TimeSpan offset, out DateTimeOffset value)
        {
            value = default;
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            value = new DateTimeOffset(new DateTime(year, month, day).Add(time), offset).ToUniversalTime();
            return true;
        }

        private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

        private static bool IsDigits(string text, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
