namespace ChatEscalation.Core.Calendars;

/// <summary>Business time in a time zone: weekly opening hours and holidays, exact to the tick across DST changes.</summary>
/// <remarks>
/// <para>Definition: an instant is open when, converted to <see cref="Zone"/>, its local date is not a holiday and its local time
/// of day lies in one of that weekday's [start, end) intervals. Consequences at DST changes: a local hour repeated when the
/// clocks go back counts twice if open; a local hour skipped when they go forward does not exist and counts zero.</para>
/// <para>Every instant returned is in UTC (offset <see cref="TimeSpan.Zero"/>); inputs may carry any offset.</para>
/// <para>Work is proportional to the calendar days walked (one step per day, closed days cost only a holiday lookup), never to
/// minutes. Immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private readonly WeeklySchedule _week;
    private readonly HashSet<DateOnly> _holidays;
    private readonly DateTime _afterLastHolidayUtc;

    /// <param name="name">Name used in messages and configuration.</param>
    /// <param name="zone">The zone whose local dates and times the hours and holidays are in.</param>
    /// <param name="weeklyHours">Opening intervals; overlapping or touching intervals of a day are merged.</param>
    /// <param name="holidays">Local dates on which the calendar is closed all day.</param>
    /// <exception cref="ArgumentException">An interval is outside 00:00 &lt;= start &lt; end &lt;= 24:00.</exception>
    public BusinessCalendar(string name, TimeZoneInfo zone, IEnumerable<OpeningHours> weeklyHours, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        ArgumentNullException.ThrowIfNull(holidays);
        Name = name;
        Zone = zone;
        _week = new WeeklySchedule(weeklyHours, name);
        _holidays = holidays.ToHashSet();
        // Safely after the last holiday in every zone (local dates lag or lead UTC by under two days).
        _afterLastHolidayUtc = _holidays.Count == 0 ? DateTime.MinValue : _holidays.Max().AddDays(3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        IsAlwaysOpen = _week.IsAllDayEveryDay && _holidays.Count == 0;
        StandardWorkday = _week.StandardWorkday;
    }

    /// <summary>A calendar open at every instant, with no holidays (zone UTC).</summary>
    public static BusinessCalendar AlwaysOpen(string name = "24x7") =>
        new(name, TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, TimeSpan.Zero, WeeklySchedule.OneDay)), []);

    public string Name { get; }
    public TimeZoneInfo Zone { get; }

    /// <summary>Open at every instant: 00:00-24:00 every day and no holidays.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>The most common non-zero daily open length (9 h for 08:00-17:00 Mon-Fri; 24 h for <see cref="AlwaysOpen"/>;
    /// zero when never open). "2 business days" means twice this much business time.</summary>
    public TimeSpan StandardWorkday { get; }

    /// <summary>Whether <paramref name="instant"/> is open under the definition in the remarks of <see cref="BusinessCalendar"/>.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        if (IsAlwaysOpen) return true;
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        return !_holidays.Contains(DateOnly.FromDateTime(local)) && _week.Contains(local.DayOfWeek, local.TimeOfDay);
    }

    /// <summary>Business time in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        if (IsAlwaysOpen) return to - from;
        var end = to.UtcDateTime;
        var total = TimeSpan.Zero;
        foreach (var (start, stop) in OpenIntervals(from.UtcDateTime, end))
            total += (stop < end ? stop : end) - start;
        return total;
    }

    /// <summary>The earliest instant t at or after <paramref name="start"/> with <c>Elapsed(start, t) == businessDuration</c>, in UTC.</summary>
    /// <remarks>From a closed instant the count starts at the next opening. A zero duration returns <paramref name="start"/> (in UTC),
    /// and a duration that ends exactly at a closing returns that closing, not the next opening.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative, or the result would be past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no opening hours, so business time never passes.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessDuration)
    {
        if (businessDuration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(businessDuration), businessDuration, "A business duration cannot be negative.");
        var utcStart = start.ToUniversalTime();
        if (businessDuration == TimeSpan.Zero) return utcStart;
        if (_week.IsEmpty)
            throw new InvalidOperationException($"Calendar '{Name}' has no opening hours, so {businessDuration} of business time never passes.");
        if (IsAlwaysOpen)
        {
            return DateTimeOffset.MaxValue - utcStart >= businessDuration
                ? utcStart + businessDuration
                : throw new ArgumentOutOfRangeException(nameof(businessDuration), businessDuration, "The result would be past the last representable instant.");
        }
        var remaining = businessDuration;
        foreach (var (from, to) in OpenIntervals(utcStart.UtcDateTime, DateTime.MaxValue))
        {
            var length = to - from;
            if (remaining <= length) return Utc(from + remaining);
            remaining -= length;
        }
        throw new ArgumentOutOfRangeException(nameof(businessDuration), businessDuration, "The result would be past the last representable instant.");
    }

    /// <summary><paramref name="instant"/> itself (in UTC) when open, else the next instant the calendar opens; null when it never opens.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        if (IsAlwaysOpen) return instant.ToUniversalTime();
        foreach (var (from, _) in OpenIntervals(instant.UtcDateTime, DateTime.MaxValue)) return Utc(from);
        return null;
    }

    /// <summary>When the open stretch containing <paramref name="instant"/> ends (or, from a closed instant, the stretch that opens
    /// next), in UTC: the first closed instant after it. Open days that touch at midnight form one stretch.</summary>
    /// <returns>Null when the calendar never closes again (e.g. <see cref="AlwaysOpen"/>) or never opens.</returns>
    public DateTimeOffset? NextClosing(DateTimeOffset instant)
    {
        if (IsAlwaysOpen || _week.IsEmpty) return null;
        DateTime? end = null;
        foreach (var (from, to) in OpenIntervals(instant.UtcDateTime, DateTime.MaxValue))
        {
            if (end is { } e && from > e) break;
            end = to;
            // Open all day every day: once past the last holiday nothing ever closes.
            if (_week.IsAllDayEveryDay && to > _afterLastHolidayUtc) return null;
        }
        return end is { } closing ? Utc(closing) : null;
    }

    /// <summary>Parses weekly hours keyed by day ("Monday".."Sunday", "Mon".."Sun", ranges like "Mon-Fri", any case).</summary>
    /// <remarks>Values: "08:00-12:00, 13:00-17:30", "00:00-24:00", "closed" or "". A single-day key overrides a range containing
    /// that day ({"Mon-Fri": "08:00-17:00", "Friday": "closed"} closes Fridays).</remarks>
    /// <exception cref="FormatException">A key or value is malformed; the message names the key and the value.</exception>
    public static IReadOnlyList<OpeningHours> ParseWeeklyHours(IReadOnlyDictionary<string, string> byDay) => WeeklyHoursParser.Parse(byDay);

    /// <summary>Open intervals in UTC, in order and disjoint, starting at or after <paramref name="from"/> (the first clipped to it)
    /// and before <paramref name="until"/>. Endless (up to the last representable day) unless the week has no hours.</summary>
    private IEnumerable<(DateTime Start, DateTime End)> OpenIntervals(DateTime from, DateTime until)
    {
        if (_week.IsEmpty) yield break;
        foreach (var stretch in OffsetStretch.From(Zone, from))
        {
            if (stretch.UtcStart >= until) yield break;
            var (localStart, localEnd, offset) = (stretch.LocalStart, stretch.LocalEnd, stretch.Offset);
            for (var date = localStart.Date; date < localEnd; date = date.AddDays(1))
            {
                if (_holidays.Contains(DateOnly.FromDateTime(date))) continue;
                foreach (var (open, close) in _week.On(date.DayOfWeek))
                {
                    var a = date + open < localStart ? localStart : date + open;
                    var b = date + close > localEnd ? localEnd : date + close;
                    if (a >= b) continue;
                    if (a - offset >= until) yield break;
                    yield return (DateTime.SpecifyKind(a - offset, DateTimeKind.Utc), DateTime.SpecifyKind(b - offset, DateTimeKind.Utc));
                }
            }
        }
    }

    private static DateTimeOffset Utc(DateTime utc) => new(utc.Ticks, TimeSpan.Zero);
}
