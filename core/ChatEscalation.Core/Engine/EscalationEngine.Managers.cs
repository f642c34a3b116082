using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>Hierarchical escalation on request (the user asks for a manager, or a technician wants one): the manager channel is pinged.</summary>
    public static Outcome EscalateToManager(Ticket t, EscalateToManager c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!IsInvolved(t, c.Actor, policy))
            return Outcome.Refuse(RefusalCode.NotAllowed, $"Only the reporter of {t.Key} or the support team can ask for a manager.");
        var reason = (c.Reason ?? "").Trim();
        if (reason.Length < 3) return Outcome.Refuse(RefusalCode.InvalidInput, "Say why a manager is needed.", FieldNames.Reason);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { ManagerEngaged = true };
        b.Event(EventKind.ManagerEscalated, $"{c.Actor.Name} asked for a manager: {reason}", note: reason);
        var owner = t.Owner?.Name ?? "nobody yet";
        b.Notify(Notification.Alert(Audience.Managers,
            $"{c.Actor.Name} asks for a manager on {t.Key} ({t.Priority}, {policy.TierName(t.Tier)}, owner: {owner}) \"{t.Title}\": {reason}",
            urgent: t.Priority == Priority.P1, TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate));
        b.QueueUpdate($"{c.Actor.Name} asked for a manager: {reason}");
        if (!c.Actor.Is(t.Reporter)) b.Broadcast($"{t.Key} update: a manager has been asked to look at your ticket.");
        b.Reply($"The managers have been told about {t.Key}.");
        return b.Build();
    }

    /// <summary>Managers move a ticket to another tier and/or owner, with a recorded reason.</summary>
    public static Outcome Reassign(Ticket t, ReassignTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        // Forms send the person's e-mail key only: the policy names them.
        if (c.ToOwner is { } named) c = c with { ToOwner = policy.Named(named) };
        if (RequireOpen(t) is { } closed) return closed;
        if (!policy.IsManager(c.Actor)) return Outcome.Refuse(RefusalCode.NotAllowed, $"Only a manager can reassign {t.Key}.");
        var reason = (c.Reason ?? "").Trim();
        if (reason.Length < 3) return Outcome.Refuse(RefusalCode.InvalidInput, "Record why the ticket is reassigned.", FieldNames.Reason);
        if (c.ToOwner is null && c.ToTier is null) return Outcome.Refuse(RefusalCode.InvalidInput, "Choose a tier or a person to reassign to.", FieldNames.Tier);
        if (c.ToTier is { } tier && (tier < 1 || tier > policy.MaxTier)) return Outcome.Refuse(RefusalCode.InvalidInput, $"Tier {tier} does not exist (1..{policy.MaxTier}).", FieldNames.Tier);
        if (c.ToOwner is { } person && !policy.IsStaff(person)) return Outcome.Refuse(RefusalCode.InvalidInput, $"{person.Name} is not on the support team.", FieldNames.Owner);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        var targetTier = c.ToTier ?? (c.ToOwner is { } o && !policy.IsTierMember(o, t.Tier) && policy.TiersOf(o) is [var first, ..] ? first : t.Tier);
        if (targetTier != t.Tier)
        {
            b.Notify(Notification.Thread(Audience.Queue(t.Tier), $"Moved to {policy.TierName(targetTier)} by {c.Actor.Name}: {reason}"));
            b.Notify(Notification.Card(Audience.Queue(t.Tier)));
            QueueAt(b, targetTier);
        }
        var text = $"Reassigned by {c.Actor.Name} to {(c.ToOwner is { } p ? p.Name + ", " : "")}{policy.TierName(targetTier)}: {reason}";
        if (c.ToOwner is { } newOwner)
        {
            TakeOwnership(b, newOwner, text, EventKind.Reassigned, reason, restartTierClock: true);
            b.Notify(Notification.Direct(Audience.To(newOwner), $"{c.Actor.Name} assigned {t.Key} \"{t.Title}\" ({t.Priority}) to you: {reason}"));
        }
        else
        {
            b.Event(EventKind.Reassigned, text, t.Tier, note: reason);
            if (targetTier != t.Tier) PageIfAfterHours(b);
            b.Broadcast($"{t.Key} update: moved to {policy.TierName(targetTier)} by a manager. The next free technician there picks it up.");
        }
        b.Reply($"{t.Key} reassigned.");
        return b.Build();
    }

    /// <summary>A manager or a lead of the ticket's tier takes ownership.</summary>
    public static Outcome TakeOver(Ticket t, TakeOverTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!policy.IsManager(c.Actor) && !policy.IsLead(c.Actor, t.Tier))
            return Outcome.Refuse(RefusalCode.NotAllowed, $"Only a manager or a {policy.TierName(t.Tier)} lead can take over {t.Key}.");
        if (c.Actor.Is(t.Owner)) return new DecisionBuilder(t, policy, now, c.Actor).Build() with { Reply = $"You already own {t.Key}." };
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        var previous = t.Owner;
        TakeOwnership(b, c.Actor, $"{c.Actor.Name} took over{(previous is null ? "" : $" from {previous.Name}")}.", EventKind.Reassigned, "take over", restartTierClock: true);
        if (previous is not null) b.Notify(Notification.Direct(Audience.To(previous), $"{c.Actor.Name} took over {t.Key} \"{t.Title}\" from you."));
        b.Reply($"You own {t.Key} now.");
        return b.Build();
    }

    /// <summary>Managers override the routing decision's priority; the ticket's SLA terms are re-taken for the new priority.</summary>
    public static Outcome OverridePriority(Ticket t, OverridePriority c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!policy.IsManager(c.Actor)) return Outcome.Refuse(RefusalCode.NotAllowed, $"Only a manager can change the priority of {t.Key}.");
        var reason = (c.Reason ?? "").Trim();
        if (reason.Length < 3) return Outcome.Refuse(RefusalCode.InvalidInput, "Record why the priority changes.", FieldNames.Reason);
        if (c.Priority == t.Priority) return Outcome.Refuse(RefusalCode.InvalidInput, $"{t.Key} is already {t.Priority}.", FieldNames.Priority);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { Priority = c.Priority, Terms = policy.Terms[c.Priority], RoutingReason = $"{c.Priority}: set by {c.Actor.Name} ({reason}); was {t.RoutingReason}" };
        b.Event(EventKind.PriorityOverridden, $"Priority {t.Priority} → {c.Priority} by {c.Actor.Name}: {reason}", note: reason);
        b.QueueUpdate($"Priority changed to {c.Priority} by {c.Actor.Name}: {reason}");
        b.Broadcast($"{t.Key} update: priority is now {c.Priority} ({reason}).");
        b.Reply($"{t.Key} is now {c.Priority}.");
        return b.Build();
    }
}
