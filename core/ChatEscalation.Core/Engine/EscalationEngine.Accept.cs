using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>Accept: only members of the current tier; exactly one owner; a repeat by the owner changes nothing.</summary>
    public static Outcome Accept(Ticket t, AcceptTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (t.Owner is { } owner)
        {
            if (owner.Is(c.Actor)) return new DecisionBuilder(t, policy, now, c.Actor) { }.Build() with { Reply = $"You already own {t.Key}." };
            return Outcome.Refuse(RefusalCode.Conflict, $"{t.Key} is already owned by {owner.Name}.");
        }
        if (!policy.IsTierMember(c.Actor, t.Tier))
        {
            var mine = policy.TiersOf(c.Actor);
            var yours = mine.Count > 0 ? $" You are in {string.Join(", ", mine.Select(policy.TierName))}." : "";
            return Outcome.Refuse(RefusalCode.NotAllowed, $"Only {policy.TierName(t.Tier)} members can accept {t.Key}.{yours}");
        }

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        TakeOwnership(b, c.Actor, $"Accepted by {c.Actor.Name} at {policy.TierName(t.Tier)}.", EventKind.Accepted);
        b.Reply($"You own {t.Key} now.");
        return b.Build();
    }

    /// <summary>Makes a person the owner, stops paging, tells the queue thread and the reporter.</summary>
    /// <param name="restartTierClock">A manager's choice of owner (reassign, take over) gives them a full period at the tier before
    /// the functional trigger moves the ticket on; an accept keeps counting from when the ticket entered the tier.</param>
    private static void TakeOwnership(DecisionBuilder b, UserRef owner, string text, EventKind kind, string? note = null, bool restartTierClock = false)
    {
        var t = b.Ticket;
        var calendar = SlaMath.CalendarOf(t, b.Policy);
        b.Ticket = t with
        {
            Owner = owner,
            Status = TicketStatus.Accepted,
            FirstAcceptedAt = t.FirstAcceptedAt ?? b.Now,
            Page = null,
            HeldUntil = null,
            Sla = SlaMath.Resume(t.Sla, b.Now, calendar),
            TierClock = restartTierClock ? BusinessClock.StartAt(b.Now) : SlaMath.Resume(t.TierClock, b.Now, calendar),
        };
        b.Event(kind, text, note: note);
        b.QueueUpdate(text);
        var left = SlaMath.TimeLeft(b.Ticket, b.Policy, b.Now);
        var next = left is { } l && l > TimeSpan.Zero ? $"resolution target in {BusinessText(b.Ticket, b.Policy, l)}" : "the resolution target has passed, so a manager is watching";
        b.Broadcast($"{t.Key} update: {Who(owner, b.Policy)} now owns your ticket. Next: they work on it and will contact you if they need anything; {next}.");
    }
}
