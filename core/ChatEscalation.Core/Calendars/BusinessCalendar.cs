using System.Globalization;

namespace ChatEscalation.Core.Calendars;

/// <summary>Business time in a time zone: weekly opening hours and holidays, correct across DST changes.</summary>
/// <remarks>
/// An instant is open when, in <see cref="Zone"/>, its local date is not a holiday and its local time of day lies in one of
/// that weekday's [start, end) intervals. A local hour repeated when clocks go back counts twice if open; an hour skipped
/// when they go forward does not exist. Results are UTC (offset zero).
/// </remarks>
public sealed class BusinessCalendar
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly IReadOnlyList<(TimeSpan Start, TimeSpan End)>[] _hours = new IReadOnlyList<(TimeSpan, TimeSpan)>[7];
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(string name, TimeZoneInfo zone, IEnumerable<OpeningHours> weeklyHours, IEnumerable<DateOnly> holidays)
    {
        Name = name;
        Zone = zone;
        _holidays = holidays.ToHashSet();
        var all = weeklyHours.ToList();
        foreach (var h in all)
        {
            if (h.Start < TimeSpan.Zero || h.End > Day || h.Start >= h.End)
                throw new ArgumentException($"Calendar '{name}': opening hours {h.Start:hh\\:mm}-{h.End:hh\\:mm} on {h.Day} must satisfy 00:00 <= start < end <= 24:00.", nameof(weeklyHours));
        }
        for (var d = 0; d < 7; d++) _hours[d] = Merge(all.Where(h => (int)h.Day == d).Select(h => (h.Start, h.End)));
        var lengths = _hours.Select(list => list.Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.End - i.Start))).Where(l => l > TimeSpan.Zero).ToList();
        StandardWorkday = lengths.Count == 0 ? TimeSpan.Zero : lengths.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        IsAlwaysOpen = _holidays.Count == 0 && _hours.All(list => list.Count == 1 && list[0] == (TimeSpan.Zero, Day));
    }

    /// <summary>A calendar open at every instant, with no holidays.</summary>
    public static BusinessCalendar AlwaysOpen(string name = "24x7") =>
        new(name, TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, TimeSpan.Zero, Day)), []);

    public string Name { get; }
    public TimeZoneInfo Zone { get; }
    public bool IsAlwaysOpen { get; }

    /// <summary>The most common non-zero length of an open day (24 h for <see cref="AlwaysOpen"/>); "2 business days" means twice this.</summary>
    public TimeSpan StandardWorkday { get; }

    public bool IsOpen(DateTimeOffset instant)
    {
        if (IsAlwaysOpen) return true;
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        if (_holidays.Contains(DateOnly.FromDateTime(local))) return false;
        var tod = local.TimeOfDay;
        return _hours[(int)local.DayOfWeek].Any(i => i.Start <= tod && tod < i.End);
    }

    /// <summary>Business time in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        if (IsAlwaysOpen) return to - from;
        var total = TimeSpan.Zero;
        foreach (var (start, end) in OpenIntervals(from))
        {
            if (start >= to) break;
            total += (end < to ? end : to) - start;
        }
        return total;
    }

    /// <summary>The earliest instant t at or after <paramref name="start"/> with <c>Elapsed(start, t) == businessDuration</c>; zero returns <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar is never open.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessDuration)
    {
        if (businessDuration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(businessDuration), businessDuration, "A business duration cannot be negative.");
        var utcStart = start.ToUniversalTime();
        if (businessDuration == TimeSpan.Zero) return utcStart;
        if (IsAlwaysOpen) return utcStart + businessDuration;
        var remaining = businessDuration;
        foreach (var (from, to) in OpenIntervals(utcStart))
        {
            var length = to - from;
            if (remaining <= length) return from + remaining;
            remaining -= length;
        }
        throw new InvalidOperationException($"Calendar '{Name}' is never open, so business time cannot be added to it.");
    }

    /// <summary>The instant itself when open, else the next opening; null when the calendar never opens.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        foreach (var (from, _) in OpenIntervals(instant.ToUniversalTime())) return from;
        return null;
    }

    /// <summary>When the open stretch containing (or next after) <paramref name="instant"/> ends; null for an always-open calendar.</summary>
    public DateTimeOffset? NextClosing(DateTimeOffset instant)
    {
        if (IsAlwaysOpen) return null;
        DateTimeOffset? end = null;
        foreach (var (from, to) in OpenIntervals(instant.ToUniversalTime()))
        {
            if (end is { } e && from > e) break;
            end = to;
        }
        return end;
    }

    /// <summary>Open intervals in UTC from <paramref name="from"/> on (the first clipped to it), in order, for about 400 days.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenIntervals(DateTimeOffset from)
    {
        var segmentStart = from.ToUniversalTime();
        var limit = segmentStart + TimeSpan.FromDays(400);
        while (segmentStart < limit)
        {
            var offset = Zone.GetUtcOffset(segmentStart);
            var segmentEnd = NextOffsetChange(segmentStart, offset);
            var localStart = segmentStart.UtcDateTime + offset;
            var localEnd = segmentEnd.UtcDateTime + offset;
            for (var date = localStart.Date; date < localEnd; date = date.AddDays(1))
            {
                if (_holidays.Contains(DateOnly.FromDateTime(date))) continue;
                foreach (var (s, e) in _hours[(int)date.DayOfWeek])
                {
                    var a = date + s < localStart ? localStart : date + s;
                    var b = date + e > localEnd ? localEnd : date + e;
                    if (a < b) yield return (new DateTimeOffset(a - offset, TimeSpan.Zero), new DateTimeOffset(b - offset, TimeSpan.Zero));
                }
            }
            segmentStart = segmentEnd;
        }
    }

    /// <summary>The end of the stretch (at most a day) during which the zone keeps <paramref name="offset"/>.</summary>
    private DateTimeOffset NextOffsetChange(DateTimeOffset start, TimeSpan offset)
    {
        var end = start + Day;
        if (Zone.GetUtcOffset(end) == offset && Zone.GetUtcOffset(start + Day / 2) == offset) return end;
        long lo = start.UtcTicks, hi = end.UtcTicks;
        while (hi - lo > TimeSpan.TicksPerSecond)
        {
            var mid = lo + (hi - lo) / 2;
            if (Zone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)) == offset) lo = mid; else hi = mid;
        }
        // Transitions fall on whole seconds: the first instant with the new offset.
        var candidate = new DateTimeOffset(hi - hi % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return Zone.GetUtcOffset(candidate) == offset ? candidate.AddSeconds(1) : candidate;
    }

    private static List<(TimeSpan Start, TimeSpan End)> Merge(IEnumerable<(TimeSpan Start, TimeSpan End)> intervals)
    {
        var merged = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var i in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && i.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, i.End > merged[^1].End ? i.End : merged[^1].End);
            else merged.Add(i);
        }
        return merged;
    }

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Reads weekly hours written as <c>{"Mon-Fri": "08:00-12:00, 13:00-17:30", "Saturday": "closed"}</c>.</summary>
    /// <exception cref="FormatException">Names the bad key or value.</exception>
    public static IReadOnlyList<OpeningHours> ParseWeeklyHours(IReadOnlyDictionary<string, string> byDay)
    {
        var result = new List<OpeningHours>();
        foreach (var (key, value) in byDay)
        {
            var days = ParseDays(key);
            var text = (value ?? "").Trim();
            if (text.Length == 0 || text.Equals("closed", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bounds = part.Split('-', StringSplitOptions.TrimEntries);
                if (bounds.Length != 2 || !TryTime(bounds[0], out var start) || !TryTime(bounds[1], out var end) || start >= end)
                    throw new FormatException($"'{key}': '{value}' is not a list of hours such as 08:00-12:00, 13:00-17:30 (start before end, up to 24:00).");
                result.AddRange(days.Select(d => new OpeningHours(d, start, end)));
            }
        }
        return result;
    }

    private static IReadOnlyList<DayOfWeek> ParseDays(string key)
    {
        var parts = key.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || parts.Any(p => DayIndex(p) < 0))
            throw new FormatException($"'{key}' is not a day (Monday … Sunday, Mon … Sun) or a range of days such as Mon-Fri.");
        var first = DayIndex(parts[0]);
        var last = DayIndex(parts[^1]);
        var days = new List<DayOfWeek>();
        for (var d = first; ; d = (d + 1) % 7)
        {
            days.Add((DayOfWeek)d);
            if (d == last) break;
        }
        return days;
    }

    private static int DayIndex(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return n.Length < 3 ? -1 : Array.FindIndex(DayNames, d => d.StartsWith(n, StringComparison.Ordinal) && (n.Length == 3 || d == n));
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00") { time = Day; return true; }
        return TimeSpan.TryParseExact(text, ["h\\:mm", "hh\\:mm"], CultureInfo.InvariantCulture, out time) && time < Day;
    }
}
