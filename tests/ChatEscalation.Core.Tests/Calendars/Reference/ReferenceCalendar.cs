using ChatEscalation.Core.Calendars;

namespace ChatEscalation.Core.Tests.Calendars.Reference;

/// <summary>A brute-force business calendar over a fixed UTC range: every UTC minute is converted with
/// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/> and the definition is applied literally
/// (open iff the local date is not a holiday and the local time of day is in some [start, end) of that weekday).</summary>
/// <remarks>
/// Openness is constant within each UTC minute because every opening time, every UTC offset and every DST transition of the
/// zones used is a whole minute. A prefix sum of open minutes makes each query O(1) (Add: O(log n)); partial minutes are
/// handled exactly, so tick-level queries are answered too.
/// </remarks>
public sealed class ReferenceCalendar
{
    public static readonly DateTime Origin = new(2025, 12, 29, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2028, 1, 31, 0, 0, 0, DateTimeKind.Utc);

    private readonly bool[] _open;
    private readonly int[] _prefix; // _prefix[i] = open minutes in [Origin, Origin + i minutes)

    public ReferenceCalendar(BusinessCalendar calendar, IReadOnlyList<OpeningHours> hours, IReadOnlyCollection<DateOnly> holidays)
    {
        Calendar = calendar;
        var holidaySet = holidays.ToHashSet();
        var minutes = (int)((End - Origin).Ticks / TimeSpan.TicksPerMinute);
        _open = new bool[minutes];
        _prefix = new int[minutes + 1];
        var transitions = new List<int>();
        TimeSpan? lastOffset = null;
        for (var i = 0; i < minutes; i++)
        {
            var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(Origin.AddMinutes(i)), calendar.Zone);
            if (lastOffset is { } previous && previous != local.Offset) transitions.Add(i);
            lastOffset = local.Offset;
            _open[i] = !holidaySet.Contains(DateOnly.FromDateTime(local.DateTime)) && InHours(hours, local.DateTime);
            _prefix[i + 1] = _prefix[i] + (_open[i] ? 1 : 0);
        }
        Transitions = transitions;
    }

    public BusinessCalendar Calendar { get; }

    /// <summary>Minute indexes at which the zone's UTC offset changes.</summary>
    public IReadOnlyList<int> Transitions { get; }

    public int Minutes => _open.Length;

    public static DateTimeOffset MinuteAt(int index) => new(Origin.AddMinutes(index));

    public bool IsOpen(DateTimeOffset instant) => _open[MinuteOf(instant)];

    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero : TimeSpan.FromTicks(OpenTicksBefore(to) - OpenTicksBefore(from));

    /// <summary>The earliest t ≥ start with Elapsed(start, t) == duration; null when that lies past <see cref="End"/>.</summary>
    public DateTimeOffset? Add(DateTimeOffset start, TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return start;
        var target = OpenTicksBefore(start) + duration.Ticks;
        // Smallest minute m with OpenTicks(m + 1) >= target; within it business time runs with wall time.
        int lo = MinuteOf(start), hi = Minutes;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if ((long)_prefix[mid + 1] * TimeSpan.TicksPerMinute >= target) hi = mid; else lo = mid + 1;
        }
        if (lo == Minutes) return null;
        var ticks = Origin.Ticks + lo * TimeSpan.TicksPerMinute + (target - (long)_prefix[lo] * TimeSpan.TicksPerMinute);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>The first open instant at or after <paramref name="instant"/>, or null within the range.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        if (IsOpen(instant)) return instant;
        for (var m = MinuteOf(instant) + 1; m < Minutes; m++)
            if (_open[m]) return MinuteAt(m);
        return null;
    }

    /// <summary>The first closed instant after the next opening, or null within the range.</summary>
    public DateTimeOffset? NextClosing(DateTimeOffset instant)
    {
        if (NextOpening(instant) is not { } opening) return null;
        for (var m = MinuteOf(opening); m < Minutes; m++)
            if (!_open[m]) return MinuteAt(m);
        return null;
    }

    private static bool InHours(IReadOnlyList<OpeningHours> hours, DateTime local)
    {
        foreach (var h in hours)
            if (h.Day == local.DayOfWeek && h.Start <= local.TimeOfDay && local.TimeOfDay < h.End) return true;
        return false;
    }

    private int MinuteOf(DateTimeOffset instant)
    {
        var offset = instant.UtcTicks - Origin.Ticks;
        if (offset < 0 || offset >= Minutes * TimeSpan.TicksPerMinute)
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "Outside the reference range.");
        return (int)(offset / TimeSpan.TicksPerMinute);
    }

    /// <summary>Open ticks in [Origin, instant).</summary>
    private long OpenTicksBefore(DateTimeOffset instant)
    {
        if (instant.UtcTicks == End.Ticks) return (long)_prefix[Minutes] * TimeSpan.TicksPerMinute;
        var m = MinuteOf(instant);
        var intoMinute = instant.UtcTicks - Origin.Ticks - m * TimeSpan.TicksPerMinute;
        return (long)_prefix[m] * TimeSpan.TicksPerMinute + (_open[m] ? intoMinute : 0);
    }
}
