using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>How late a time-based event may fire before its messages say so.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);

    /// <summary>Fires everything due at <paramref name="now"/>, oldest first, and returns the combined decision (no events when nothing was due).</summary>
    /// <remarks>
    /// Idempotent: what fired is recorded in the ticket, so ticking twice at the same instant fires nothing the second time.
    /// Each step acts at <paramref name="now"/>, so a ticket found overdue after downtime moves one tier, not one tier per missed period.
    /// When several SLA thresholds are overdue at once only the most severe is announced.
    /// </remarks>
    public static Decision Tick(Ticket ticket, EscalationPolicy policy, DateTimeOffset now)
    {
        var b = new DecisionBuilder(ticket, policy, now, UserRef.System);
        for (var step = 0; step < 16; step++)
        {
            var due = DeadlinePlanner.Plan(b.Ticket, policy).Where(d => d.DueAt <= now).OrderBy(d => d.DueAt).ThenBy(d => d.Kind).FirstOrDefault();
            if (due is null) break;
            b.Late = now - due.DueAt > LateAfter ? now - due.DueAt : null;
            Fire(b, due);
        }
        b.Late = null;
        return b.Build();
    }

    private static void Fire(DecisionBuilder b, Deadline due)
    {
        var t = b.Ticket;
        var policy = b.Policy;
        switch (due.Kind)
        {
            case DeadlineKind.AcceptanceTimeout when t.QueueReminders == 0:
                b.Ticket = t with { QueueReminders = 1, QueuedSince = b.Now };
                b.Event(EventKind.QueueReminded, $"Nobody accepted within {ResponseTarget(t)}; {policy.TierName(t.Tier)} reminded.");
                b.QueueUpdate($"Reminder: nobody has accepted {t.Key} ({t.Priority}) within {ResponseTarget(t)}. It escalates if it stays unaccepted.");
                foreach (var lead in policy.Tier(t.Tier).Leads)
                    b.Notify(Notification.Direct(Audience.To(policy.Person(lead)), $"{t.Key} ({t.Priority}) \"{t.Title}\" has waited {ResponseTarget(t)} in the {policy.TierName(t.Tier)} queue without an owner."));
                break;
            case DeadlineKind.AcceptanceTimeout when t.Tier < policy.MaxTier:
                AutoEscalate(b, $"Nobody accepted it at {policy.TierName(t.Tier)} within {ResponseTarget(t)}, even after a reminder");
                break;
            case DeadlineKind.AcceptanceTimeout:
                b.Ticket = t.WithMark(Marks.Unaccepted(t.Tier)) with { QueueReminders = t.QueueReminders + 1 };
                b.Event(EventKind.ManagerPinged, $"Still unaccepted at {policy.TierName(t.Tier)}, the last tier; managers told.");
                b.Notify(Notification.Alert(Audience.Managers, $"{t.Key} ({t.Priority}) is unaccepted at {policy.TierName(t.Tier)}, the last tier.", urgent: true, TicketActions.TakeOver, TicketActions.Reassign));
                break;
            case DeadlineKind.FunctionalEscalation:
                var owner = t.Owner is { } o ? $"{o.Name} had it" : "nobody accepted it";
                AutoEscalate(b, $"Not resolved after {DurationText.HumanizeBusiness(t.Terms.EscalateAfter)} at {policy.TierName(t.Tier)} ({owner}); {t.Priority} moves up after that long");
                break;
            case DeadlineKind.SlaWarning when !DeadlinePlanner.Plan(t, policy).Any(d => d.Kind is DeadlineKind.SlaManager or DeadlineKind.SlaBreach && d.DueAt <= b.Now):
                Warn(b);
                break;
            case DeadlineKind.SlaWarning: // a later threshold is overdue too (downtime): announce only the most severe
            case DeadlineKind.SlaManager or DeadlineKind.SlaBreach:
                ManagerPing(b, breached: due.Kind == DeadlineKind.SlaBreach || DeadlinePlanner.Plan(t, policy).Any(d => d.Kind == DeadlineKind.SlaBreach && d.DueAt <= b.Now));
                break;
            case DeadlineKind.Repage:
                Repage(b);
                break;
            case DeadlineKind.CoverageResumes:
                b.Ticket = t with { HeldUntil = null };
                StartPage(b, t.Tier);
                break;
            case DeadlineKind.VendorChase or DeadlineKind.VendorRespondDue or DeadlineKind.VendorResolveDue:
                VendorDeadline(b, due.Kind);
                break;
            case DeadlineKind.IntakeEnds:
                IntakeEnds(b);
                break;
            case DeadlineKind.AutoClose:
                b.Ticket = t with { Status = TicketStatus.Closed, ClosedAt = b.Now };
                b.Event(EventKind.Closed, $"Closed: no reopen within {DurationText.Humanize(policy.ReopenWindow)} of the resolution.");
                b.Notify(Notification.Card(Audience.Queue(t.Tier)));
                break;
        }
    }

    /// <summary>The functional trigger: moves to the next tier with an automatic handoff note.</summary>
    private static void AutoEscalate(DecisionBuilder b, string why)
    {
        var t = b.Ticket;
        var sat = DurationText.Humanize(b.Now - t.TierEnteredAt);
        var note = new HandoffNote(
            Tried: t.LastNote is { } last ? $"Last note at {b.Policy.TierName(t.Tier)}: {last}" : $"Nothing was recorded at {b.Policy.TierName(t.Tier)}.",
            Outcome: $"{why}. It sat at {b.Policy.TierName(t.Tier)} for {sat}.",
            Needs: $"{b.Policy.TierName(t.Tier + 1)} to pick it up: \"{t.Title}\" ({t.Category}).");
        MoveUp(b, t.Tier + 1, note, EventKind.AutoEscalated, $"Escalated automatically from {b.Policy.TierName(t.Tier)} to {b.Policy.TierName(t.Tier + 1)}: {why}.");
    }

    /// <summary>75 %: the card is flagged and the tier lead told (once per tier).</summary>
    private static void Warn(DecisionBuilder b)
    {
        var t = b.Ticket;
        b.Ticket = t.WithMark(Marks.Warning(t.Tier));
        var left = SlaMath.TimeLeft(b.Ticket, b.Policy, b.Now) ?? TimeSpan.Zero;
        var text = $"{t.Key} ({t.Priority}) has used {t.Terms.WarnAt:P0} of its resolution time: {DurationText.HumanizeBusiness(left)} left. Owner: {t.Owner?.Name ?? "nobody"}.";
        b.Event(EventKind.SlaWarned, text);
        b.QueueUpdate($"SLA warning: {DurationText.HumanizeBusiness(left)} left before the resolution target.");
        var leads = b.Policy.Tier(t.Tier).Leads;
        foreach (var lead in leads) b.Notify(Notification.Direct(Audience.To(b.Policy.Person(lead)), text));
    }

    /// <summary>90 % and breach: the manager channel gets the ticket, owner, time left or over, and buttons.</summary>
    private static void ManagerPing(DecisionBuilder b, bool breached)
    {
        var t = b.Ticket;
        var marked = t.WithMark(Marks.Warning(t.Tier)).WithMark(Marks.Manager(t.Tier));
        b.Ticket = breached ? marked.WithMark(Marks.Breach(t.Tier)).WithMark(Marks.Breached) : marked;
        b.Ticket = b.Ticket with { ManagerEngaged = true };
        var left = SlaMath.TimeLeft(b.Ticket, b.Policy, b.Now) ?? TimeSpan.Zero;
        var when = breached ? $"breached its resolution target, over by {DurationText.HumanizeBusiness(left)}" : $"is at {t.Terms.ManagerAt:P0} of its resolution time, {DurationText.HumanizeBusiness(left)} left";
        var text = $"{t.Key} ({t.Priority}) \"{t.Title}\" {when}. {b.Policy.TierName(t.Tier)}, owner: {t.Owner?.Name ?? "nobody"}.";
        b.Event(breached ? EventKind.SlaBreached : EventKind.ManagerPinged, text);
        b.Notify(Notification.Alert(Audience.Managers, text, urgent: breached, TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate));
        b.QueueUpdate(breached ? "SLA breached: the managers have been told." : "SLA at risk: the managers have been told.");
    }
}
