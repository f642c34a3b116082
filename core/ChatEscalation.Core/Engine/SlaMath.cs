using ChatEscalation.Core.Calendars;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>When a ticket's targets fall due on its calendar, pauses included.</summary>
public static class SlaMath
{
    public static BusinessCalendar CalendarOf(Ticket ticket, EscalationPolicy policy) => policy.Calendar(ticket.Terms.Calendar);

    /// <summary>The instant a fraction of a target is reached on a clock; null while the clock is paused.</summary>
    public static DateTimeOffset? DueAt(BusinessClock clock, TimeSpan target, double fraction, BusinessCalendar calendar)
    {
        if (clock.IsPaused) return null;
        var part = TimeSpan.FromTicks((long)Math.Round(target.Ticks * fraction));
        return calendar.Add(clock.StartedAt, part + clock.Paused);
    }

    /// <summary>The resolution due time, or null while paused.</summary>
    public static DateTimeOffset? ResolveBy(Ticket ticket, EscalationPolicy policy) =>
        DueAt(ticket.Sla, ticket.Terms.ResolveWithin, 1.0, CalendarOf(ticket, policy));

    /// <summary>Business time left before the resolution target (negative when breached); null while paused.</summary>
    public static TimeSpan? TimeLeft(Ticket ticket, EscalationPolicy policy, DateTimeOffset now)
    {
        if (ticket.Sla.IsPaused) return null;
        var calendar = CalendarOf(ticket, policy);
        var used = calendar.Elapsed(ticket.Sla.StartedAt, now) - ticket.Sla.Paused;
        return ticket.Terms.ResolveWithin - used;
    }

    public static BusinessClock Pause(BusinessClock clock, DateTimeOffset now) =>
        clock.IsPaused ? clock : clock with { PausedSince = now };

    public static BusinessClock Resume(BusinessClock clock, DateTimeOffset now, BusinessCalendar calendar) =>
        clock.PausedSince is { } since ? clock with { Paused = clock.Paused + calendar.Elapsed(since, now), PausedSince = null } : clock;
}
