namespace ChatEscalation.Core.OnCall;

/// <summary>Converts local wall-clock times of a zone to UTC instants, resolving DST gaps and overlaps deterministically.</summary>
/// <remarks>
/// A wall time in a DST gap (it never happens) maps to the first valid instant after it, i.e. the transition instant.
/// A wall time in a DST overlap (it happens twice) maps to its first occurrence. Results are clamped to the
/// <see cref="DateTimeOffset"/> range and always have offset zero.
/// </remarks>
internal static class ZoneClock
{
    private static readonly long Window = TimeSpan.FromHours(15).Ticks; // wider than any UTC offset (±14 h)

    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall)) return FirstInstantAtOrAfter(wall.Ticks, zone);
        if (zone.IsAmbiguousTime(wall)) return Utc(wall.Ticks - zone.GetAmbiguousTimeOffsets(wall).Max().Ticks);
        return Utc(wall.Ticks - zone.GetUtcOffset(wall).Ticks);
    }

    /// <summary>The local calendar day number (see <see cref="DateOnly.DayNumber"/>) of an instant in the zone.</summary>
    public static int LocalDayNumber(DateTimeOffset at, TimeZoneInfo zone)
    {
        var ticks = Clamp(at.UtcTicks + zone.GetUtcOffset(at).Ticks);
        return DateOnly.FromDateTime(new DateTime(ticks)).DayNumber;
    }

    public static DateTimeOffset Utc(long ticks) => new(Clamp(ticks), TimeSpan.Zero);

    /// <summary>Smallest UTC instant whose local wall time is at or after <paramref name="wallTicks"/>; wall time is monotone across a gap.</summary>
    private static DateTimeOffset FirstInstantAtOrAfter(long wallTicks, TimeZoneInfo zone)
    {
        long lo = Clamp(wallTicks - Window), hi = Clamp(wallTicks + Window);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var instant = new DateTimeOffset(mid, TimeSpan.Zero);
            if (mid + zone.GetUtcOffset(instant).Ticks >= wallTicks) hi = mid;
            else lo = mid + 1;
        }
        return Utc(lo);
    }

    private static long Clamp(long ticks) => Math.Clamp(ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
}
