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
        // Only what was pending before this sweep can be late: a deadline armed by this very sweep (the trigger at the tier a late
        // escalation moved the ticket to) falls due now, not when the bot was down. The same SLA instant at the new tier is the
        // same missed deadline, so a deadline is known by its kind and instant.
        var pending = DeadlinePlanner.Plan(ticket, policy).Select(d => (d.Kind, d.DueAt)).ToHashSet();
        for (var step = 0; step < 16; step++)
        {
            var due = DeadlinePlanner.Earliest(DeadlinePlanner.Plan(b.Ticket, policy).Where(d => d.DueAt <= now));
            if (due is null) break;
            b.Late = pending.Contains((due.Kind, due.DueAt)) && now - due.DueAt > LateAfter ? now - due.DueAt : null;
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
            case DeadlineKind.AcceptanceTimeout:
                RemindUnaccepted(b);
                break;
            case DeadlineKind.FunctionalEscalation when policy.NextTierByClock(t.Tier, t.Category) is { } next:
                var owner = t.Owner is { } o ? $"{o.Name} had it" : "nobody accepted it";
                AutoEscalate(b, next, $"Not resolved after {BusinessText(t, policy, t.Terms.EscalateAfter)} at {policy.TierName(t.Tier)} ({owner}); {t.Priority} moves up after that long");
                break;
            case DeadlineKind.FunctionalEscalation:
                TopTierTimeout(b);
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

    /// <summary>
    /// Nobody accepted within the response target: a capacity problem, so it stays at its tier. The first timeout reminds the
    /// queue, the second tells the tier's leads, the third the managers; then nothing more (the functional trigger still moves it).
    /// </summary>
    private static void RemindUnaccepted(DecisionBuilder b)
    {
        var t = b.Ticket;
        var policy = b.Policy;
        var tier = policy.TierName(t.Tier);
        var leads = policy.Tier(t.Tier).Leads.Select(policy.Person).ToList();
        var step = t.QueueReminders + 1;
        if (step == 2 && leads.Count == 0) step = 3;
        var waited = DurationText.Humanize(b.Now - t.TierEnteredAt);
        b.Ticket = t with { QueueReminders = step, QueuedSince = b.Now };
        switch (step)
        {
            case 1:
                b.Event(EventKind.QueueReminded, $"Nobody accepted within {ResponseTarget(t, policy)}; {tier} reminded.");
                b.QueueUpdate($"Reminder: nobody has accepted {t.Key} ({t.Priority}) within {ResponseTarget(t, policy)}. If it stays unaccepted, the {tier} lead is told next.");
                break;
            case 2:
                var names = string.Join(", ", leads.Select(l => l.Name));
                b.Event(EventKind.QueueReminded, $"Still unaccepted after {waited}; the {tier} lead ({names}) told.");
                b.QueueUpdate($"Still unaccepted after {waited}: the lead ({names}) has been told.");
                foreach (var lead in leads)
                    b.Notify(Notification.Direct(Audience.To(lead), $"{t.Key} ({t.Priority}) \"{t.Title}\" has waited {waited} in the {tier} queue without an owner, even after a reminder. Please find somebody to accept it."));
                break;
            default:
                b.Ticket = b.Ticket.WithMark(Marks.Unaccepted(t.Tier)) with { ManagerEngaged = true };
                var text = $"{t.Key} ({t.Priority}) \"{t.Title}\" is still unaccepted at {tier} after {waited}, although the queue{(leads.Count > 0 ? " and its lead were" : " was")} reminded. Take it over or reassign it.";
                b.Event(EventKind.QueueReminded, $"Still unaccepted at {tier} after {waited}; managers told.");
                b.Notify(Notification.Alert(Audience.Managers, text, urgent: t.Priority <= Priority.P2, TicketActions.TakeOver, TicketActions.Reassign));
                b.QueueUpdate($"Still unaccepted after {waited}: the managers have been told.");
                break;
        }
    }

    /// <summary>The functional trigger: moves to <paramref name="target"/> (the next tier, or the vendor covering the category) with an automatic handoff note.</summary>
    private static void AutoEscalate(DecisionBuilder b, int target, string why)
    {
        var t = b.Ticket;
        var from = b.Policy.TierName(t.Tier);
        var sat = DurationText.Humanize(b.Now - t.TierEnteredAt);
        var needs = b.Policy.VendorTier == target && b.Policy.VendorFor(t.Category) is { } vendor
            ? $"{b.Policy.TierName(target)} to open a case with {vendor.Name} ({vendor.Contract}), whose contract covers {t.Category}: \"{t.Title}\"."
            : $"{b.Policy.TierName(target)} to pick it up: \"{t.Title}\" ({t.Category}).";
        var note = new HandoffNote(
            Tried: t.LastNote is { } last ? $"Last note at {from}: {last}" : $"Nothing was recorded at {from}.",
            Outcome: $"{why}. It sat at {from} for {sat}.",
            Needs: needs);
        MoveUp(b, target, note, EventKind.AutoEscalated, $"Escalated automatically from {from} to {b.Policy.TierName(target)}: {why}.");
    }

    /// <summary>The functional trigger at the top internal tier: the clock moves it no further, the managers are told (once per tier).</summary>
    private static void TopTierTimeout(DecisionBuilder b)
    {
        var t = b.Ticket;
        var policy = b.Policy;
        var tier = policy.TierName(t.Tier);
        b.Ticket = t.WithMark(Marks.TopTierTimeout(t.Tier)) with { ManagerEngaged = true };
        var owner = t.Owner is { } o ? $"owner: {o.Name}" : "nobody has accepted it";
        var next = policy.VendorTier is { } vendorTier
            ? $"Moving it to {policy.TierName(vendorTier)} is a decision for {tier} or a manager."
            : "There is no tier above it: a manager decides what happens next.";
        var text = $"{t.Key} ({t.Priority}) \"{t.Title}\" is not resolved after {BusinessText(t, policy, t.Terms.EscalateAfter)} at {tier}, the top internal tier ({owner}). {next}";
        b.Event(EventKind.TopTierTimedOut, text);
        b.Notify(Notification.Alert(Audience.Managers, text, urgent: t.Priority == Priority.P1, TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate));
        b.QueueUpdate($"Not resolved after {BusinessText(t, policy, t.Terms.EscalateAfter)} at the top internal tier: the managers have been told.");
    }

    /// <summary>75 %: the card is flagged and the tier lead told (once per tier).</summary>
    private static void Warn(DecisionBuilder b)
    {
        var t = b.Ticket;
        b.Ticket = t.WithMark(Marks.Warning(t.Tier));
        var left = SlaMath.TimeLeft(b.Ticket, b.Policy, b.Now) ?? TimeSpan.Zero;
        var text = $"{t.Key} ({t.Priority}) has used {t.Terms.WarnAt:P0} of its resolution time: {BusinessText(t, b.Policy, left)} left. Owner: {t.Owner?.Name ?? "nobody"}.";
        b.Event(EventKind.SlaWarned, text);
        b.QueueUpdate($"SLA warning: {BusinessText(t, b.Policy, left)} left before the resolution target.");
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
        var over = -left;
        var when = breached
            ? over < TimeSpan.FromMinutes(1) ? "has just breached its resolution target" : $"breached its resolution target, over by {BusinessText(t, b.Policy, over)}"
            : $"is at {t.Terms.ManagerAt:P0} of its resolution time, {BusinessText(t, b.Policy, left)} left";
        var text = $"{t.Key} ({t.Priority}) \"{t.Title}\" {when}. {b.Policy.TierName(t.Tier)}, owner: {t.Owner?.Name ?? "nobody"}.";
        b.Event(breached ? EventKind.SlaBreached : EventKind.ManagerPinged, text);
        b.Notify(Notification.Alert(Audience.Managers, text, urgent: breached, TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate));
        b.QueueUpdate(breached ? "SLA breached: the managers have been told." : "SLA at risk: the managers have been told.");
    }
}
