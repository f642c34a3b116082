using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>Derives every pending deadline of a ticket from its state; the single source of "what falls due when".</summary>
/// <remarks>
/// Deadlines already fired are excluded through the ticket's marks and state, so planning twice gives the same answer.
/// Nothing is planned before <see cref="Ticket.DecidedAt"/>: a deadline the last decision armed in the past falls due at that
/// decision's instant, so it is not reported as fired late.
/// </remarks>
public static class DeadlinePlanner
{
    /// <summary>How many acceptance timeouts an unaccepted ticket gets at a tier: the queue, then its leads, then the managers.</summary>
    public const int AcceptanceReminders = 3;

    public static IReadOnlyList<Deadline> Plan(Ticket t, EscalationPolicy policy)
    {
        var list = new List<Deadline>();
        Collect(t, policy, list);
        if (t.DecidedAt is not { } floor) return list;
        return list.Select(d => d.DueAt < floor ? d with { DueAt = floor } : d).ToList();
    }

    /// <summary>The ticket's deadline a tick fires first (<see cref="Earliest"/>), or null when nothing is pending.</summary>
    public static Deadline? Next(Ticket t, EscalationPolicy policy) => Earliest(Plan(t, policy));

    /// <summary>Of <paramref name="deadlines"/>, the one a tick fires first: the earliest, and of those due at the same instant the first by kind; null when there are none.</summary>
    public static Deadline? Earliest(IEnumerable<Deadline> deadlines) =>
        deadlines.OrderBy(d => d.DueAt).ThenBy(d => d.Kind).FirstOrDefault();

    private static void Collect(Ticket t, EscalationPolicy policy, List<Deadline> list)
    {
        if (t.Status == TicketStatus.Resolved && t.ResolvedAt is { } resolvedAt)
        {
            list.Add(new Deadline(DeadlineKind.AutoClose, resolvedAt + policy.ReopenWindow, t.Tier));
            return;
        }
        if (!t.IsOpen) return;
        if (t.Intake != IntakeStage.Done)
        {
            // The card is held for the knowledge step or the reporter's answer: nothing else runs until it reaches the queue.
            if (t.IntakeUntil is { } until) list.Add(new Deadline(DeadlineKind.IntakeEnds, until, t.Tier));
            return;
        }

        var calendar = SlaMath.CalendarOf(t, policy);
        if (t.HeldUntil is { } held) list.Add(new Deadline(DeadlineKind.CoverageResumes, held, t.Tier));
        if (t.Page is { } page) list.Add(new Deadline(DeadlineKind.Repage, page.NextAt, page.Tier));
        if (t.Vendor is { } vendor)
        {
            list.Add(new Deadline(DeadlineKind.VendorChase, vendor.NextChaseAt, t.Tier));
            if (!t.HasMark(Marks.VendorRespond) && vendor.RespondedAt is null) list.Add(new Deadline(DeadlineKind.VendorRespondDue, vendor.RespondBy, t.Tier));
            if (!t.HasMark(Marks.VendorResolve)) list.Add(new Deadline(DeadlineKind.VendorResolveDue, vendor.ResolveBy, t.Tier));
        }
        if (t.Status == TicketStatus.WaitingOnUser) return;

        // While an on-call person is being paged (or the ticket is held for the next shift) the paging ladder is the escalation
        // path: no queue reminders, and the tier clock is paused (see EscalationEngine.PageLevel) until someone acknowledges
        // (which restarts it) or the ladder reaches the managers (which resumes it).
        var pagingPerson = t.Page is { Person: not null } || t.HeldUntil is not null;
        if (t.Status == TicketStatus.Queued && t.Page is null && t.HeldUntil is null && t.QueueReminders < AcceptanceReminders)
            list.Add(new Deadline(DeadlineKind.AcceptanceTimeout, calendar.Add(t.QueuedSince, t.Terms.RespondWithin), t.Tier));
        var clockMayMove = policy.NextTierByClock(t.Tier, t.Category) is not null;
        var alertsManagers = !clockMayMove && t.Tier == policy.TopInternalTier && !t.HasMark(Marks.TopTierTimeout(t.Tier));
        if ((clockMayMove || alertsManagers) && !pagingPerson && SlaMath.DueAt(t.TierClock, t.Terms.EscalateAfter, 1.0, calendar) is { } escalateAt)
            list.Add(new Deadline(DeadlineKind.FunctionalEscalation, escalateAt, t.Tier));

        if (!t.HasMark(Marks.Warning(t.Tier)) && SlaMath.DueAt(t.Sla, t.Terms.ResolveWithin, t.Terms.WarnAt, calendar) is { } warnAt)
            list.Add(new Deadline(DeadlineKind.SlaWarning, warnAt, t.Tier));
        if (!t.HasMark(Marks.Manager(t.Tier)) && SlaMath.DueAt(t.Sla, t.Terms.ResolveWithin, t.Terms.ManagerAt, calendar) is { } managerAt)
            list.Add(new Deadline(DeadlineKind.SlaManager, managerAt, t.Tier));
        if (!t.HasMark(Marks.Breach(t.Tier)) && SlaMath.DueAt(t.Sla, t.Terms.ResolveWithin, 1.0, calendar) is { } breachAt)
            list.Add(new Deadline(DeadlineKind.SlaBreach, breachAt, t.Tier));
    }
}
