using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>Derives every pending deadline of a ticket from its state; the single source of "what falls due when".</summary>
/// <remarks>Deadlines already fired are excluded through the ticket's marks and state, so planning twice gives the same answer.</remarks>
public static class DeadlinePlanner
{
    public static IReadOnlyList<Deadline> Plan(Ticket t, EscalationPolicy policy)
    {
        var list = new List<Deadline>();
        if (t.Status == TicketStatus.Resolved && t.ResolvedAt is { } resolvedAt)
        {
            list.Add(new Deadline(DeadlineKind.AutoClose, resolvedAt + policy.ReopenWindow, t.Tier));
            return list;
        }
        if (!t.IsOpen) return list;
        if (t.Intake != IntakeStage.Done)
        {
            // The card is held for the knowledge step or the reporter's answer: nothing else runs until it reaches the queue.
            if (t.IntakeUntil is { } until) list.Add(new Deadline(DeadlineKind.IntakeEnds, until, t.Tier));
            return list;
        }

        var calendar = SlaMath.CalendarOf(t, policy);
        if (t.HeldUntil is { } held) list.Add(new Deadline(DeadlineKind.CoverageResumes, held, t.Tier));
        if (t.Page is { } page) list.Add(new Deadline(DeadlineKind.Repage, page.NextAt, page.Tier));
        if (t.Vendor is { } vendor)
        {
            list.Add(new Deadline(DeadlineKind.VendorChase, vendor.NextChaseAt, t.Tier));
            if (!t.HasMark(Marks.VendorRespond)) list.Add(new Deadline(DeadlineKind.VendorRespondDue, vendor.RespondBy, t.Tier));
            if (!t.HasMark(Marks.VendorResolve)) list.Add(new Deadline(DeadlineKind.VendorResolveDue, vendor.ResolveBy, t.Tier));
        }
        if (t.Status == TicketStatus.WaitingOnUser) return list;

        // While an on-call person is being paged (or the ticket is held for the next shift) the paging ladder is the escalation
        // path: no queue reminders and no tier hops until someone acknowledges (which restarts the tier clock). Once the ladder
        // has reached the managers, the functional trigger applies again and moves the ticket to the next tier's on-call.
        var pagingPerson = t.Page is { Person: not null } || t.HeldUntil is not null;
        if (t.Status == TicketStatus.Queued && t.Page is null && t.HeldUntil is null && !(t.Tier == policy.MaxTier && t.QueueReminders > 1))
            list.Add(new Deadline(DeadlineKind.AcceptanceTimeout, calendar.Add(t.QueuedSince, t.Terms.RespondWithin), t.Tier));
        if (t.Tier < policy.MaxTier && !pagingPerson && SlaMath.DueAt(t.TierClock, t.Terms.EscalateAfter, 1.0, calendar) is { } escalateAt)
            list.Add(new Deadline(DeadlineKind.FunctionalEscalation, escalateAt, t.Tier));

        if (!t.HasMark(Marks.Warning(t.Tier)) && SlaMath.DueAt(t.Sla, t.Terms.ResolveWithin, t.Terms.WarnAt, calendar) is { } warnAt)
            list.Add(new Deadline(DeadlineKind.SlaWarning, warnAt, t.Tier));
        if (!t.HasMark(Marks.Manager(t.Tier)) && SlaMath.DueAt(t.Sla, t.Terms.ResolveWithin, t.Terms.ManagerAt, calendar) is { } managerAt)
            list.Add(new Deadline(DeadlineKind.SlaManager, managerAt, t.Tier));
        if (!t.HasMark(Marks.Breach(t.Tier)) && SlaMath.DueAt(t.Sla, t.Terms.ResolveWithin, 1.0, calendar) is { } breachAt)
            list.Add(new Deadline(DeadlineKind.SlaBreach, breachAt, t.Tier));
        return list;
    }

    /// <summary>The earliest deadline, or null when nothing is pending.</summary>
    public static Deadline? Next(Ticket t, EscalationPolicy policy) =>
        Plan(t, policy).OrderBy(d => d.DueAt).FirstOrDefault();
}
