using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Core.Engine;


/// <summary>What the engine would do with a hypothetical ticket if nobody acted: the same code as the real run, with the clock advanced from deadline to deadline.</summary>
public static class DryRun
{
    public static IReadOnlyList<TimelineEntry> Simulate(RaiseTicket hypothetical, DateTimeOffset raisedAt, EscalationPolicy policy, TimeSpan? horizon = null, int maxSteps = 200)
    {
        var entries = new List<TimelineEntry>();
        var outcome = EscalationEngine.Raise(hypothetical, 1, policy, raisedAt);
        if (!outcome.IsDecision)
        {
            entries.Add(new TimelineEntry(raisedAt, TimeSpan.Zero, outcome.Refusal.Reason, null, null, null));
            return entries;
        }
        var decision = outcome.Decision;
        Record(entries, decision, raisedAt, raisedAt);
        var ticket = decision.Ticket;
        var end = raisedAt + (horizon ?? ticket.Terms.ResolveWithin * 3 + TimeSpan.FromDays(2));
        for (var step = 0; step < maxSteps; step++)
        {
            var next = DeadlinePlanner.Next(ticket, policy);
            if (next is null || next.DueAt > end) break;
            decision = EscalationEngine.Tick(ticket, policy, next.DueAt);
            Record(entries, decision, next.DueAt, raisedAt);
            ticket = decision.Ticket;
        }
        return entries;
    }

    private static void Record(List<TimelineEntry> entries, Decision decision, DateTimeOffset at, DateTimeOffset raisedAt)
    {
        foreach (var e in decision.Events) entries.Add(new TimelineEntry(at, at - raisedAt, e.Text, e.Kind, null, null, Late: e.Late, Tier: e.Tier));
        foreach (var n in decision.Notifications.Where(n => n.Kind != NotificationKind.Card))
            entries.Add(new TimelineEntry(at, at - raisedAt, n.Text, null, n.To, n.Kind, n.Urgent, n.Actions, Tier: decision.Ticket.Tier));
    }
}
