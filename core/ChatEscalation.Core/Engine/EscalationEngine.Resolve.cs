using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>The shortest resolution note accepted, in characters.</summary>
    public const int MinResolutionLength = 10;

    /// <summary>
    /// Resolve: owner, lead or manager, with the fix; from the knowledge tier up the fix becomes a knowledge-base draft for the Tier 1
    /// leads to review. Everybody affected is told once; every linked report is resolved with the same fix (follow-ups).
    /// </summary>
    public static Outcome Resolve(Ticket t, ResolveTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!MayDirect(t, c.Actor, policy)) return NotDirector(t, policy, "resolve");
        var fix = (c.Resolution ?? "").Trim();
        if (fix.Length < MinResolutionLength)
            return Outcome.Refuse(RefusalCode.InvalidInput, $"Describe the fix (at least {MinResolutionLength} characters) so the reporter and Tier 1 can reuse it.", FieldNames.Resolution);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        var calendar = SlaMath.CalendarOf(t, policy);
        var sla = SlaMath.Resume(t.Sla, now, calendar);
        b.Ticket = t with
        {
            Status = TicketStatus.Resolved,
            Owner = t.Owner ?? c.Actor,
            ResolvedAt = now,
            Resolution = fix,
            Page = null,
            HeldUntil = null,
            Sla = SlaMath.Pause(sla, now),
            TierClock = SlaMath.Pause(t.TierClock, now),
        };
        b.Event(EventKind.Resolved, $"Resolved by {c.Actor.Name} at {policy.TierName(t.Tier)}.", note: fix);
        b.QueueUpdate($"Resolved by {c.Actor.Name}.");
        if (t.Tier >= policy.KnowledgeFromTier) DraftKnowledge(b, fix);
        foreach (var report in t.Reports) b.FollowUp(report.TicketNumber, new ResolveWithParent(c.Actor, t.Number, fix));
        b.Broadcast($"{t.Key} update: resolved by {Who(c.Actor, policy)}. Fix: {fix} Not fixed? Reopen it within {DurationText.Humanize(policy.ReopenWindow)}.", TicketActions.Reopen);
        b.Reply($"{t.Key} is resolved.");
        return b.Build();
    }

    /// <summary>
    /// Reopen within the window: back to the resolving tier's queue; the time it spent resolved does not count against the SLA. A report
    /// resolved with the ticket it was linked to, or by a suggestion, comes back as its own ticket with its own card.
    /// </summary>
    public static Outcome Reopen(Ticket t, ReopenTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        var windowPassed = t.Status == TicketStatus.Resolved && t.ResolvedAt is { } resolvedAt && now >= resolvedAt + policy.ReopenWindow;
        if (t.Status == TicketStatus.Closed || windowPassed)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is closed (the {DurationText.Humanize(policy.ReopenWindow)} reopen window has passed). Raise a new ticket and mention {t.Key}.");
        if (t.Status != TicketStatus.Resolved)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is not resolved, so there is nothing to reopen.");
        if (!IsInvolved(t, c.Actor, policy))
            return Outcome.Refuse(RefusalCode.NotAllowed, $"Only the reporter or the support team can reopen {t.Key}.");
        if (string.IsNullOrWhiteSpace(c.Reason))
            return Outcome.Refuse(RefusalCode.InvalidInput, "Say why the problem is not fixed.", FieldNames.Reason);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        var previousOwner = t.Owner;
        b.Ticket = t with { ResolvedAt = null, Resolution = null, ReopenCount = t.ReopenCount + 1, SelfService = false, ParentNumber = null, NoCardYet = false };
        QueueAt(b, t.Tier);
        b.Event(EventKind.Reopened, $"Reopened by {c.Actor.Name}: {c.Reason.Trim()}", note: c.Reason.Trim());
        PageIfAfterHours(b);
        b.Notify(Notification.Thread(Audience.Queue(t.Tier), $"Reopened by {c.Actor.Name}: {c.Reason.Trim()}"));
        if (previousOwner is not null)
            b.Notify(Notification.Direct(Audience.To(previousOwner), $"{t.Key} \"{t.Title}\", which you resolved, was reopened by {c.Actor.Name}: {c.Reason.Trim()}"));
        b.Broadcast($"{t.Key} update: reopened and back in the {policy.TierName(t.Tier)} queue; a technician will pick it up (response target {ResponseTarget(b.Ticket, b.Policy)}).");
        b.Reply($"{t.Key} is reopened and back in the {policy.TierName(t.Tier)} queue.");
        return b.Build();
    }
}
