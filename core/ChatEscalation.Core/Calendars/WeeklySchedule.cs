namespace ChatEscalation.Core.Calendars;

/// <summary>Validated, merged and sorted opening intervals for each day of the week (local times of day).</summary>
internal sealed class WeeklySchedule
{
    public static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly (TimeSpan Start, TimeSpan End)[][] _byDay = new (TimeSpan, TimeSpan)[7][];

    /// <exception cref="ArgumentException">An interval is not within 00:00 &lt;= start &lt; end &lt;= 24:00 or names no day.</exception>
    public WeeklySchedule(IEnumerable<OpeningHours> hours, string calendarName)
    {
        var all = hours.ToList();
        foreach (var h in all)
        {
            if (!Enum.IsDefined(h.Day) || h.Start < TimeSpan.Zero || h.End > OneDay || h.Start >= h.End)
                throw new ArgumentException(
                    $"Calendar '{calendarName}': opening hours {h.Start}-{h.End} on {h.Day} must satisfy 00:00 <= start < end <= 24:00.",
                    nameof(hours));
        }
        for (var d = 0; d < 7; d++) _byDay[d] = Merge(all.Where(h => (int)h.Day == d));
        IsEmpty = _byDay.All(day => day.Length == 0);
        IsAllDayEveryDay = _byDay.All(day => day.Length == 1 && day[0] == (TimeSpan.Zero, OneDay));
        var lengths = _byDay.Select(day => day.Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.End - i.Start)))
            .Where(length => length > TimeSpan.Zero).ToList();
        StandardWorkday = lengths.Count == 0
            ? TimeSpan.Zero
            : lengths.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
    }

    /// <summary>No day has any opening hours.</summary>
    public bool IsEmpty { get; }

    /// <summary>Every day is open 00:00-24:00.</summary>
    public bool IsAllDayEveryDay { get; }

    /// <summary>The most common non-zero daily open length (ties go to the longer); zero when <see cref="IsEmpty"/>.</summary>
    public TimeSpan StandardWorkday { get; }

    /// <summary>The day's disjoint intervals in ascending order.</summary>
    public (TimeSpan Start, TimeSpan End)[] On(DayOfWeek day) => _byDay[(int)day];

    public bool Contains(DayOfWeek day, TimeSpan timeOfDay)
    {
        foreach (var (start, end) in _byDay[(int)day])
        {
            if (timeOfDay < start) return false;
            if (timeOfDay < end) return true;
        }
        return false;
    }

    private static (TimeSpan Start, TimeSpan End)[] Merge(IEnumerable<OpeningHours> hours)
    {
        var merged = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var h in hours.OrderBy(h => h.Start))
        {
            if (merged.Count > 0 && h.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, h.End > merged[^1].End ? h.End : merged[^1].End);
            else
                merged.Add((h.Start, h.End));
        }
        return [.. merged];
    }
}
