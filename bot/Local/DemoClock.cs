using ChatEscalation.Core.Calendars;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// The emulator's clock: another clock (the system clock by default) plus an offset that only grows,
/// so a person can fast-forward and watch time-based escalation happen.
/// </summary>
/// <remarks>
/// Registered as THE <see cref="TimeProvider"/> when <c>Local:DemoClock</c> is true, so the sweep, the SLA maths
/// and the engine all read it. Timers and time zones are those of the wrapped clock. It never reads earlier than it already
/// has: not after a jump, not when the wrapped clock is set back, and not after a restart (<see cref="Restore"/> brings back the
/// saved offset and the latest instant recorded).
/// </remarks>
public sealed class DemoClock(TimeProvider inner, TimeZoneInfo zone) : TimeProvider
{
    private static readonly TimeSpan EndOfDayTime = TimeSpan.FromHours(18);
    private static readonly TimeSpan MondayStartTime = TimeSpan.FromHours(8);
    private long _offsetTicks;
    private long _highestUtcTicks;

    /// <summary>A demo clock over the system clock whose day ends and weeks start in the staffed calendar's zone.</summary>
    public DemoClock(BusinessCalendar staffed) : this(System, staffed.Zone) { }

    /// <summary>How far ahead of the wrapped clock this clock runs (never negative).</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>The zone in which "end of day" and "Monday" are read.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>The wrapped clock plus the offset, but never earlier than a previous reading.</summary>
    public override DateTimeOffset GetUtcNow()
    {
        var ticks = (inner.GetUtcNow() + Offset).UtcTicks;
        for (var seen = Interlocked.Read(ref _highestUtcTicks); ticks > seen; seen = Interlocked.Read(ref _highestUtcTicks))
            if (Interlocked.CompareExchange(ref _highestUtcTicks, ticks, seen) == seen) return new DateTimeOffset(ticks, TimeSpan.Zero);
        return new DateTimeOffset(Math.Max(ticks, Interlocked.Read(ref _highestUtcTicks)), TimeSpan.Zero);
    }

    /// <summary>
    /// After a restart: runs <paramref name="offset"/> ahead of the wrapped clock again, and at least as late as
    /// <paramref name="floor"/> (the last saved reading, or anything recorded since), by running further ahead if it must.
    /// </summary>
    /// <returns>The current time (UTC).</returns>
    public DateTimeOffset Restore(TimeSpan offset, DateTimeOffset? floor)
    {
        var wanted = Math.Max(offset.Ticks, Offset.Ticks);
        if (floor is { } least) wanted = Math.Max(wanted, (least - inner.GetUtcNow()).Ticks);
        if (wanted > 0) Interlocked.Exchange(ref _offsetTicks, wanted);
        return GetUtcNow();
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward by <paramref name="duration"/>; zero or negative durations are refused.</summary>
    /// <returns>The new current time (UTC).</returns>
    public DateTimeOffset Advance(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The demo clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, duration.Ticks);
        return GetUtcNow();
    }

    /// <summary>Moves the clock to the target of <paramref name="jump"/>.</summary>
    /// <returns>The new current time (UTC).</returns>
    public DateTimeOffset Jump(ClockJump jump) => AdvanceTo(TargetOf(jump));

    /// <summary>Where <paramref name="jump"/> would move the clock from now (UTC), without moving it.</summary>
    public DateTimeOffset TargetOf(ClockJump jump)
    {
        var now = GetUtcNow();
        return jump switch
        {
            ClockJump.ThirtyMinutes => now + TimeSpan.FromMinutes(30),
            ClockJump.EndOfDay => NextLocal(now, d => true, EndOfDayTime),
            ClockJump.NextMonday => NextLocal(now, d => d.DayOfWeek == DayOfWeek.Monday, MondayStartTime),
            _ => throw new ArgumentOutOfRangeException(nameof(jump), jump, null),
        };
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>; an instant already past leaves it where it is.</summary>
    /// <returns>The new current time (UTC).</returns>
    public DateTimeOffset AdvanceTo(DateTimeOffset instant)
    {
        var now = GetUtcNow();
        return instant > now ? Advance(instant - now) : now;
    }

    /// <summary>The first instant strictly after <paramref name="now"/> whose local date satisfies <paramref name="day"/> and whose local time is <paramref name="time"/>.</summary>
    private DateTimeOffset NextLocal(DateTimeOffset now, Func<DateTime, bool> day, TimeSpan time)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var date = local.Date; ; date = date.AddDays(1))
        {
            if (!day(date)) continue;
            var candidate = ToUtc(date + time);
            if (candidate > now) return candidate;
        }
    }

    /// <summary>Local wall time to UTC; a time in a spring-forward gap is read an hour later, an ambiguous one as the earlier instant.</summary>
    private DateTimeOffset ToUtc(DateTime wall)
    {
        var unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
