using System.Globalization;

namespace ChatEscalation.Core.Calendars;

/// <summary>Reads weekly hours such as <c>{"Mon-Fri": "08:00-12:00, 13:00-17:30", "Saturday": "closed"}</c>.</summary>
/// <remarks>
/// Keys are day names ("Monday" or "Mon", any case) or ranges of them ("Mon-Fri", "Sat-Sun", wrapping "Fri-Mon").
/// Values are comma-separated HH:mm-HH:mm intervals (end up to 24:00), or "closed" or empty for no hours.
/// A single-day key overrides a range that includes that day; two keys of the same kind naming one day are an error.
/// </remarks>
internal static class WeeklyHoursParser
{
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <exception cref="FormatException">A key or value is malformed; the message names both.</exception>
    public static IReadOnlyList<OpeningHours> Parse(IReadOnlyDictionary<string, string> byDay)
    {
        ArgumentNullException.ThrowIfNull(byDay);
        var chosen = new (string Key, bool IsRange, List<(TimeSpan Start, TimeSpan End)> Intervals)?[7];
        foreach (var (key, value) in byDay)
        {
            var (days, isRange) = ParseDays(key ?? "", value);
            var intervals = ParseIntervals(key ?? "", value);
            foreach (var day in days)
            {
                if (chosen[day] is { } existing)
                {
                    if (existing.IsRange == isRange)
                        throw new FormatException(
                            $"Hours '{key}': '{value}' sets {(DayOfWeek)day} again, already set by '{existing.Key}'. Name each day once (a single day such as 'Friday' may override a range such as 'Mon-Fri').");
                    if (!existing.IsRange) continue;
                }
                chosen[day] = (key ?? "", isRange, intervals);
            }
        }
        var result = new List<OpeningHours>();
        foreach (var day in new[] { 1, 2, 3, 4, 5, 6, 0 })
        {
            if (chosen[day] is { } c) result.AddRange(c.Intervals.Select(i => new OpeningHours((DayOfWeek)day, i.Start, i.End)));
        }
        return result;
    }

    private static (int[] Days, bool IsRange) ParseDays(string key, string? value)
    {
        var parts = key.Split('-', StringSplitOptions.TrimEntries);
        var indexes = parts.Select(DayIndex).ToArray();
        if (parts.Length is < 1 or > 2 || indexes.Any(i => i < 0))
            throw new FormatException(
                $"Hours '{key}': '{value}' — '{key}' is not a day (Monday … Sunday or Mon … Sun) or a range of days such as Mon-Fri.");
        if (parts.Length == 1) return ([indexes[0]], false);
        var days = new List<int>();
        for (var d = indexes[0]; ; d = (d + 1) % 7)
        {
            days.Add(d);
            if (d == indexes[1]) break;
        }
        return ([.. days], true);
    }

    private static int DayIndex(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return n.Length < 3 ? -1 : Array.FindIndex(DayNames, d => d == n || (n.Length == 3 && d.StartsWith(n, StringComparison.Ordinal)));
    }

    private static List<(TimeSpan Start, TimeSpan End)> ParseIntervals(string key, string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 || text.Equals("closed", StringComparison.OrdinalIgnoreCase)) return [];
        var intervals = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TryTime(bounds[0], out var start) || !TryTime(bounds[1], out var end) || start >= end)
                throw new FormatException(
                    $"Hours '{key}': '{value}' is not 'closed' or a list of intervals such as 08:00-12:00, 13:00-17:30 (HH:mm, start before end, end up to 24:00); '{part}' is wrong.");
            intervals.Add((start, end));
        }
        return intervals;
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00") { time = WeeklySchedule.OneDay; return true; }
        return TimeSpan.TryParseExact(text, ["h\\:mm", "hh\\:mm"], CultureInfo.InvariantCulture, out time)
            && time >= TimeSpan.Zero && time < WeeklySchedule.OneDay;
    }
}
