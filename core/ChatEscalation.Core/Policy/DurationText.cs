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

    /// <summary>Formats for people: <c>2 h 05 min</c>, <c>3 d 4 h</c>, <c>45 s</c>.</summary>
    public static string Humanize(TimeSpan duration)
    {
        var d = duration.Duration();
        if (d < TimeSpan.FromMinutes(1)) return $"{(int)d.TotalSeconds} s";
        if (d < TimeSpan.FromHours(1)) return $"{(int)d.TotalMinutes} min";
        if (d < TimeSpan.FromDays(1)) return d.Minutes == 0 ? $"{(int)d.TotalHours} h" : $"{(int)d.TotalHours} h {d.Minutes:00} min";
        return d.Hours == 0 ? $"{d.Days} d" : $"{d.Days} d {d.Hours} h";
    }

    /// <summary>Formats business time in hours up to 100 h (<c>50 h</c>, <c>4 h 30 min</c>): 50 business hours are not "2 d 2 h" of the calendar.</summary>
    public static string HumanizeBusiness(TimeSpan duration)
    {
        var d = duration.Duration();
        if (d < TimeSpan.FromDays(1) || d >= TimeSpan.FromHours(100)) return Humanize(duration);
        return d.Minutes == 0 ? $"{(int)d.TotalHours} business h" : $"{(int)d.TotalHours} business h {d.Minutes:00} min";
    }

    [GeneratedRegex(@"\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>d|h|m|s)(?:[a-z]*)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
