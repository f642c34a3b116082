using ChatEscalation.Core.Events;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>Computes the dashboard's figures from ticket rows, the audit trail and the outbox. Pure: rows, policy and time in, figures out.</summary>
/// <remarks>
/// SLA state of an open ticket is read from its audit trail: a breach, a manager ping (90 %) or a warning (75 %) recorded,
/// or waiting on the user; otherwise on track. A resolved ticket met its SLA when its trail has no <c>SlaBreached</c>
/// (the engine's "breach" mark). Time in tier is wall-clock time between tier changes, stopped while resolved or cancelled.
/// </remarks>
public static class EscalationFiguresCalculator
{
    private static readonly EventKind[] Stops = [EventKind.Resolved, EventKind.Closed, EventKind.Cancelled];

    public static EscalationFigures Compute(IReadOnlyList<TicketRow> tickets, IReadOnlyList<TicketEventRow> events, IReadOnlyList<OutboxMessage> outbox, EscalationPolicy policy, DateTimeOffset now)
    {
        var trails = events.GroupBy(e => e.TicketNumber).ToDictionary(g => g.Key, g => (IReadOnlyList<TicketEventRow>)g.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());
        IReadOnlyList<TicketEventRow> Trail(long n) => trails.TryGetValue(n, out var t) ? t : [];
        var open = tickets.Where(t => t.Status is TicketStatus.Queued or TicketStatus.Accepted or TicketStatus.WaitingOnUser).ToList();
        var resolved = tickets.Where(t => t.ResolvedAt is not null && t.Status is TicketStatus.Resolved or TicketStatus.Closed).ToList();
        var categoryOf = tickets.ToDictionary(t => t.Number, t => t.Category);

        var openBySla = open
            .GroupBy(t => (t.Tier, Sla: OpenSla(t, Trail(t.Number))))
            .Select(g => new TierSlaCount(g.Key.Tier, policy.TierName(g.Key.Tier), g.Key.Sla, g.Count()))
            .OrderBy(x => x.Tier).ThenBy(x => x.Sla).ToList();

        var escalations = events.Where(e => e.Kind is EventKind.Escalated or EventKind.AutoEscalated).ToList();
        var byCategory = escalations
            .GroupBy(e => categoryOf.TryGetValue(e.TicketNumber, out var c) ? c : "(unknown)")
            .Select(g => new CategoryEscalations(g.Key, g.Count(e => e.Kind == EventKind.Escalated), g.Count(e => e.Kind == EventKind.AutoEscalated)))
            .OrderByDescending(c => c.Manual + c.Automatic).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
        var byTechnician = escalations.Where(e => e.Kind == EventKind.Escalated)
            .GroupBy(e => e.ActorKey.ToLowerInvariant())
            .Select(g => new TechnicianEscalations(g.Key, g.First().ActorName, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

        var firstContact = new FirstContactResolution(resolved.Count(t => t.Tier == 1 && !Trail(t.Number).Any(e => e.Kind is EventKind.Escalated or EventKind.AutoEscalated)), resolved.Count);

        var compliance = resolved.GroupBy(t => t.Priority)
            .Select(g => new PriorityCompliance(g.Key, g.Count(), g.Count(t => Trail(t.Number).All(e => e.Kind != EventKind.SlaBreached))))
            .OrderBy(p => p.Priority).ToList();

        return new EscalationFigures(now, open.Count, openBySla, byCategory, byTechnician,
            escalations.Count(e => e.Kind == EventKind.AutoEscalated),
            Repeats(trails), firstContact, compliance, TimeInTier(tickets, Trail, policy, now), Pages(events),
            outbox.Where(m => m.State == OutboxState.Parked).OrderBy(m => m.Id)
                .Select(m => new ParkedMessage(m.Id, m.TicketNumber, m.Platform, m.Audience, m.Kind.ToString(), m.Attempts, m.LastError, m.CreatedAt)).ToList());
    }

    /// <summary>The SLA state an open ticket's trail shows (latest warnings win; waiting on the user pauses).</summary>
    public static SlaState OpenSla(TicketRow ticket, IReadOnlyList<TicketEventRow> trail)
    {
        if (ticket.Status == TicketStatus.WaitingOnUser) return SlaState.Paused;
        if (trail.Any(e => e.Kind == EventKind.SlaBreached)) return SlaState.Breached;
        if (trail.Any(e => e.Kind == EventKind.ManagerPinged)) return SlaState.AtRisk;
        if (trail.Any(e => e.Kind == EventKind.SlaWarned)) return SlaState.Warning;
        return SlaState.OnTrack;
    }

    private static List<RepeatEscalation> Repeats(Dictionary<long, IReadOnlyList<TicketEventRow>> trails)
    {
        var repeats = new List<RepeatEscalation>();
        foreach (var (number, trail) in trails.OrderBy(t => t.Key))
        {
            var reopened = false;
            foreach (var e in trail)
            {
                if (e.Kind == EventKind.Reopened) reopened = true;
                if (e.Kind is not (EventKind.Escalated or EventKind.AutoEscalated)) continue;
                var isRepeat = string.Equals(e.Note, "repeat", StringComparison.OrdinalIgnoreCase);
                if (isRepeat || reopened)
                    repeats.Add(new RepeatEscalation(number, TicketKey.Format(number), e.At, e.FromTier ?? e.Tier - 1, e.Tier, isRepeat ? "repeat" : "after reopen"));
            }
        }
        return repeats;
    }

    private static List<TierTime> TimeInTier(IReadOnlyList<TicketRow> tickets, Func<long, IReadOnlyList<TicketEventRow>> trail, EscalationPolicy policy, DateTimeOffset now)
    {
        var total = new Dictionary<int, TimeSpan>();
        var visitors = new Dictionary<int, HashSet<long>>();
        foreach (var ticket in tickets)
        {
            var events = trail(ticket.Number);
            if (events.Count == 0) continue;
            var tier = events[0].Tier;
            DateTimeOffset? since = events[0].At;
            void Add(int t, TimeSpan d)
            {
                total[t] = total.GetValueOrDefault(t) + d;
                (visitors.TryGetValue(t, out var set) ? set : visitors[t] = []).Add(ticket.Number);
            }
            foreach (var e in events.Skip(1))
            {
                if (since is { } s && (e.Tier != tier || Stops.Contains(e.Kind)))
                {
                    Add(tier, e.At - s);
                    since = Stops.Contains(e.Kind) ? null : e.At;
                }
                else if (since is null && e.Kind == EventKind.Reopened) since = e.At;
                tier = e.Tier;
            }
            if (since is { } open) Add(tier, now - open);
        }
        return total.OrderBy(t => t.Key).Select(t => new TierTime(t.Key, policy.TierName(t.Key), visitors[t.Key].Count, t.Value)).ToList();
    }

    private static PageStats Pages(IReadOnlyList<TicketEventRow> events)
    {
        var durations = new List<TimeSpan>();
        foreach (var trail in events.GroupBy(e => e.TicketNumber))
        {
            DateTimeOffset? firstPage = null;
            foreach (var e in trail.OrderBy(e => e.At).ThenBy(e => e.Id))
            {
                if (e.Kind == EventKind.Paged) firstPage ??= e.At;
                else if (e.Kind == EventKind.PageAcknowledged && firstPage is { } p)
                {
                    durations.Add(e.At - p);
                    firstPage = null;
                }
            }
        }
        return new PageStats(events.Count(e => e.Kind == EventKind.Paged), events.Count(e => e.Kind == EventKind.PageAcknowledged),
            durations.Count == 0 ? null : TimeSpan.FromTicks((long)durations.Average(d => d.Ticks)),
            durations.Count == 0 ? null : durations.Max());
    }
}
