using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>
    /// Functional escalation: a handoff note is required; tiers are not skipped unless the policy allows it for the priority or a
    /// manager does it; the vendor tier is entered only by a member of the top internal tier or a manager.
    /// </summary>
    public static Outcome Escalate(Ticket t, EscalateTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!MayDirect(t, c.Actor, policy)) return NotDirector(t, policy, "escalate");
        if (t.Tier >= policy.MaxTier)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is already at {policy.TierName(t.Tier)}, the last tier. Use \"escalate to manager\" to involve a manager.");
        var target = c.ToTier ?? t.Tier + 1;
        if (target <= t.Tier || target > policy.MaxTier)
            return Outcome.Refuse(RefusalCode.InvalidInput, $"Tier {target} is not above {policy.TierName(t.Tier)}; choose a tier from {t.Tier + 1} to {policy.MaxTier}.", FieldNames.Tier);
        if (target > t.Tier + 1 && !t.Terms.AllowTierSkip && !policy.IsManager(c.Actor))
            return Outcome.Refuse(RefusalCode.NotAllowed,
                $"Tier discipline: {t.Key} goes to {policy.TierName(t.Tier + 1)} first. Skipping to {policy.TierName(target)} is allowed for {t.Priority} only when the policy says so, or by a manager.");
        if (policy.VendorTier == target && !policy.IsTierMember(c.Actor, policy.TopInternalTier) && !policy.IsManager(c.Actor))
            return Outcome.Refuse(RefusalCode.NotAllowed,
                $"Going to {policy.TierName(target)} (a vendor) is a decision for {policy.TierName(policy.TopInternalTier)} or a manager. Escalate {t.Key} to {policy.TierName(policy.TopInternalTier)} first.", "tier");
        var missing = c.Note.MissingParts();
        if (missing.Count > 0)
            return Outcome.Refuse(RefusalCode.InvalidInput,
                $"A handoff note is required: say what was tried, what came of it, and what {policy.TierName(target)} needs (missing: {string.Join(", ", missing)}).",
                missing[0]);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        MoveUp(b, target, c.Note, EventKind.Escalated, $"Escalated by {c.Actor.Name} from {policy.TierName(t.Tier)} to {policy.TierName(target)}.");
        b.Reply($"{t.Key} is in the {policy.TierName(target)} queue with your handoff note.");
        return b.Build();
    }

    /// <summary>Moves the ticket up to a tier with a handoff note, tells the old queue, the new queue and the reporter.</summary>
    private static void MoveUp(DecisionBuilder b, int target, HandoffNote note, EventKind kind, string text)
    {
        var from = b.Ticket.Tier;
        var repeat = target <= b.Ticket.HighestTier;
        b.Notify(Notification.Thread(Audience.Queue(from), b.LatePrefix + text));
        b.Notify(Notification.Card(Audience.Queue(from)));
        b.Ticket = b.Ticket with { LastHandoff = note, EscalationCount = b.Ticket.EscalationCount + 1 };
        QueueAt(b, target);
        b.Event(kind, text, from, note, repeat ? "repeat" : null);
        PageIfAfterHours(b);
        b.Broadcast(
            $"{b.Ticket.Key} update: handed from {b.Policy.TierName(from)} to {b.Policy.TierName(target)}. Nobody there owns it yet: " +
            $"the next free {b.Policy.TierName(target)} technician picks it up (response target {ResponseTarget(b.Ticket, b.Policy)}). What they will look at: {note.Needs}");
    }
}
