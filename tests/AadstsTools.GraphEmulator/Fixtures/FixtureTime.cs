using System.Globalization;
using System.Text.RegularExpressions;

namespace AadstsTools.GraphEmulator.Fixtures;

/// <summary>
/// Fixture times: ISO 8601 ("2026-01-31T08:00:00Z") or relative to the load time ("now", "now-95d", "now+2h",
/// "now-30m", "now-45s"), so a fixture's "expired 5 days ago" stays true whenever it is loaded.
/// </summary>
internal static partial class FixtureTime
{
    public static DateTimeOffset Parse(string text, DateTimeOffset now, string where)
    {
        var relative = RelativePattern().Match(text.Trim());
        if (relative.Success)
        {
            return relative.Groups["sign"].Success
                ? now + (relative.Groups["sign"].Value == "-" ? -1 : 1) * Duration(relative.Groups["amount"].Value, relative.Groups["unit"].Value)
                : now;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var absolute))
        {
            return absolute;
        }

        throw new InvalidDataException($"{where}: '{text}' is not a time; use ISO 8601 (2026-01-31T08:00:00Z) or now, now-95d, now+2h, now-30m.");
    }

    public static DateTimeOffset? ParseOptional(string? text, DateTimeOffset now, string where) =>
        text is null ? null : Parse(text, now, where);

    /// <summary>A duration such as "10m", "2h", "1d", "30s".</summary>
    public static TimeSpan ParseDuration(string text, string where)
    {
        var match = DurationPattern().Match(text.Trim());
        return match.Success
            ? Duration(match.Groups["amount"].Value, match.Groups["unit"].Value)
            : throw new InvalidDataException($"{where}: '{text}' is not a duration; use a number and d, h, m or s, e.g. 10m.");
    }

    private static TimeSpan Duration(string amount, string unit)
    {
        var value = double.Parse(amount, CultureInfo.InvariantCulture);
        return unit switch
        {
            "d" => TimeSpan.FromDays(value),
            "h" => TimeSpan.FromHours(value),
            "m" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    [GeneratedRegex(@"^now(?:(?<sign>[+-])(?<amount>\d+(?:\.\d+)?)(?<unit>[dhms]))?$")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?<amount>\d+(?:\.\d+)?)(?<unit>[dhms])$")]
    private static partial Regex DurationPattern();
}
