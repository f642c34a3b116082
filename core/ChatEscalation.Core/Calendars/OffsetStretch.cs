namespace ChatEscalation.Core.Calendars;

/// <summary>A span of UTC time [<see cref="UtcStart"/>, <see cref="UtcEnd"/>) during which a zone keeps one UTC offset.</summary>
/// <remarks>Within a stretch local time is UTC plus <see cref="Offset"/>, a bijection, so local intervals map straight back to UTC.</remarks>
internal readonly record struct OffsetStretch(DateTime UtcStart, DateTime UtcEnd, TimeSpan Offset)
{
    public DateTime LocalStart => UtcStart + Offset;
    public DateTime LocalEnd => UtcEnd + Offset;

    /// <summary>Consecutive stretches of at most a day, from <paramref name="utcFrom"/> until close to <see cref="DateTime.MaxValue"/>.</summary>
    /// <remarks>
    /// Offsets are probed every 6 hours; when a probe differs, a binary search over ticks finds the exact first tick with the
    /// new offset, so stretch boundaries agree to the tick with <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>.
    /// </remarks>
    public static IEnumerable<OffsetStretch> From(TimeZoneInfo zone, DateTime utcFrom)
    {
        var margin = TimeSpan.FromDays(2);
        var start = utcFrom < DateTime.MinValue + margin ? DateTime.MinValue + margin : utcFrom;
        var limit = DateTime.MaxValue - margin;
        while (start < limit)
        {
            var offset = OffsetAt(zone, start.Ticks);
            var end = EndOfOffset(zone, start.Ticks, offset);
            var endTime = end > limit.Ticks ? limit : new DateTime(end, DateTimeKind.Utc);
            yield return new OffsetStretch(start, endTime, offset);
            start = endTime;
        }
    }

    private static long EndOfOffset(TimeZoneInfo zone, long start, TimeSpan offset)
    {
        const long probe = TimeSpan.TicksPerHour * 6;
        var last = Math.Min(start + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks);
        long lo = start;
        for (var p = Math.Min(start + probe, last); ; p = Math.Min(p + probe, last))
        {
            if (OffsetAt(zone, p) != offset) return FirstTickWithOtherOffset(zone, lo, p, offset);
            if (p == last) return last;
            lo = p;
        }
    }

    /// <summary>The smallest tick in (lo, hi] whose offset is not <paramref name="offset"/>; lo has it and hi does not.</summary>
    private static long FirstTickWithOtherOffset(TimeZoneInfo zone, long lo, long hi, TimeSpan offset)
    {
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (OffsetAt(zone, mid) == offset) lo = mid; else hi = mid;
        }
        return hi;
    }

    private static TimeSpan OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero));
}
