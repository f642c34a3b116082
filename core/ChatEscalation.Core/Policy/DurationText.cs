using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatEscalation.Core.Policy;

/// <summary>Reads durations written for people: <c>90s</c>, <c>30m</c>, <c>4h</c>, <c>2d</c>, <c>1d 4h</c>, or a TimeSpan <c>02:30:00</c>.</summary>
public static partial class DurationText
{
    /// <summary>Parses into whole days and the rest, so a caller can choose what a day is (24 h, or a business day).</summary>
    public static bool TryParse(string? text, out int days, out TimeSpan rest)
    {
        days = 0;
        rest = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.Contains(':') && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            days = span.Days;
            rest = span - TimeSpan.FromDays(span.Days);
            return true;
        }
        var matches = Part().Matches(trimmed);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)).Replace(" ", "") != trimmed.Replace(" ", "")) return false;
        foreach (Match m in matches)
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            switch (char.ToLowerInvariant(m.Groups["u"].Value[0]))
            {
                case 'd' when n == Math.Floor(n): days += (int)n; break;
                case 'd': return false;
                case 'h': rest += TimeSpan.FromHours(n); break;
                case 'm': rest += TimeSpan.FromMinutes(n); break;
                case 's': rest += TimeSpan.FromSeconds(n); break;
            }
        }
        return true;
    }

    /// <summary>Wall-clock reading: a day is 24 hours.</summary>
    public static bool TryParseWallClock(string? text, out TimeSpan duration)
    {
        var ok = TryParse(text, out var days, out var rest);
        duration = ok ? TimeSpan.FromDays(days) + rest : TimeSpan.Zero;
        return ok;
    }

    /// <summary>Formats wall-clock time for people: <c>45 s</c>, <c>12 min</c>, <c>2 h 5 min</c>, <c>1 day</c>, <c>3 days 4 h</c>. A negative duration is formatted by its size.</summary>
    public static string Humanize(TimeSpan duration)
    {
        var d = duration.Duration();
        if (d < TimeSpan.FromMinutes(1)) return $"{(int)d.TotalSeconds} s";
        if (d < TimeSpan.FromHours(1)) return $"{(int)d.TotalMinutes} min";
        if (d < TimeSpan.FromDays(1)) return d.Minutes == 0 ? $"{(int)d.TotalHours} h" : $"{(int)d.TotalHours} h {d.Minutes} min";
        var days = d.Days == 1 ? "1 day" : $"{d.Days} days";
        return d.Hours == 0 ? days : $"{days} {d.Hours} h";
    }

    /// <summary>
    /// Formats business time of <paramref name="calendar"/> for people. On an always-open calendar it is wall-clock time
    /// (<see cref="Humanize"/>). Otherwise a day is the calendar's standard workday: <c>5 business days</c> (from 3 days on,
    /// to the nearest day), <c>1 business day 4 h</c>, <c>4 business hours</c>, <c>2 business hours 30 min</c>, <c>45 business minutes</c>.
    /// A negative duration is formatted by its size.
    /// </summary>
    public static string HumanizeBusiness(TimeSpan duration, Calendars.BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.IsAlwaysOpen || calendar.StandardWorkday <= TimeSpan.Zero) return Humanize(duration);
        var d = TimeSpan.FromMinutes(Math.Round(duration.Duration().TotalMinutes));
        var day = calendar.StandardWorkday;
        if (d >= day * 3) return Plural((int)Math.Round(d / day), "business day");
        if (d >= day)
        {
            var days = (int)(d / day);
            var hours = (int)Math.Round((d - day * days).TotalHours);
            if (TimeSpan.FromHours(hours) >= day) (days, hours) = (days + 1, 0);
            return hours == 0 ? Plural(days, "business day") : $"{Plural(days, "business day")} {hours} h";
        }
        if (d < TimeSpan.FromMinutes(1)) return "under a business minute";
        if (d < TimeSpan.FromHours(1)) return Plural(d.Minutes, "business minute");
        var whole = Plural((int)d.TotalHours, "business hour");
        return d.Minutes == 0 ? whole : $"{whole} {d.Minutes} min";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    [GeneratedRegex(@"\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>d|h|m|s)(?:[a-z]*)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
