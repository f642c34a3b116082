using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>Computes the dashboard's figures from ticket rows, the audit trail and the outbox. Pure: rows, policy, time and range in, figures out.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>An open ticket's SLA state is the engine's card view now (<see cref="TicketViews.Card"/>); one that has breached stays breached.</item>
/// <item>SLA compliance counts tickets resolved in the range, met or missed, plus the open tickets already breached, as misses.</item>
/// <item>Time in tier follows each trail in the order it was written (not by timestamps, which a reset demo clock can put out of
/// order); every stretch is at least zero, so no figure is ever negative.</item>
/// <item>Escalations, resolutions, repeats and pages count what happened in the range; first-contact resolution the tickets resolved
/// in it; the escalation rate and time in tier the tickets raised in it.</item>
/// </list>
/// </remarks>
public static class EscalationFiguresCalculator
{
    private static readonly EventKind[] Stops = [EventKind.Resolved, EventKind.Closed, EventKind.Cancelled];

    public static EscalationFigures Compute(IReadOnlyList<TicketRow> tickets, IReadOnlyList<TicketEventRow> events, IReadOnlyList<OutboxMessage> outbox,
        EscalationPolicy policy, DateTimeOffset now, ReportRange? range = null)
    {
        range ??= ReportRange.LastDays(ReportRange.DefaultDays, now);
        var trails = Trails(events);
        IReadOnlyList<TicketEventRow> Trail(long n) => trails.TryGetValue(n, out var t) ? t : [];
        var open = OpenTickets(tickets, policy, now);
        var resolved = tickets.Where(t => t.ResolvedAt is { } at && range.Contains(at) && t.Status is TicketStatus.Resolved or TicketStatus.Closed).ToList();
        var raised = tickets.Where(t => range.Contains(t.RaisedAt)).ToList();
        var categoryOf = tickets.ToDictionary(t => t.Number, t => t.Category);
        var inRange = events.Where(e => range.Contains(e.At)).ToList();

        var openBySla = open
            .GroupBy(t => (t.Tier, Sla: t.SlaState))
            .Select(g => new TierSlaCount(g.Key.Tier, policy.TierName(g.Key.Tier), g.Key.Sla, g.Count()))
            .OrderBy(x => x.Tier).ThenBy(x => x.Sla).ToList();

        var escalations = inRange.Where(e => e.Kind is EventKind.Escalated or EventKind.AutoEscalated).ToList();
        var byCategory = escalations
            .GroupBy(e => categoryOf.TryGetValue(e.TicketNumber, out var c) ? c : "(unknown)")
            .Select(g => new CategoryEscalations(g.Key, g.Count(e => e.Kind == EventKind.Escalated), g.Count(e => e.Kind == EventKind.AutoEscalated)))
            .OrderByDescending(c => c.Manual + c.Automatic).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
        var byTechnician = inRange.Where(e => e.Kind is EventKind.Escalated or EventKind.Resolved && !UserRef.System.Is(e.ActorKey))
            .GroupBy(e => e.ActorKey.ToLowerInvariant())
            .Select(g => new TechnicianEscalations(g.Key, g.First().ActorName, g.Count(e => e.Kind == EventKind.Escalated), g.Count(e => e.Kind == EventKind.Resolved)))
            .OrderByDescending(t => t.Count + t.Resolved).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ownerOf = tickets.ToDictionary(t => t.Number, t => t.OwnerKey);
        var load = open.Where(t => t.Owner is not null && ownerOf[t.Number] is not null)
            .GroupBy(t => ownerOf[t.Number]!.ToLowerInvariant())
            .Select(g => new TechnicianLoad(g.Key, g.First().Owner!, g.Count(), g.Count(t => t.Priority is Priority.P1 or Priority.P2)))
            .OrderByDescending(l => l.Open).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();

        bool Escalated(long n) => Trail(n).Any(e => e.Kind is EventKind.Escalated or EventKind.AutoEscalated);
        bool FirstContact(TicketRow t) => t.Tier == 1 && !Escalated(t.Number);
        var firstContact = new FirstContactResolution(resolved.Count(FirstContact), resolved.Count);

        var openBreached = open.Where(t => t.SlaState == SlaState.Breached).GroupBy(t => t.Priority).ToDictionary(g => g.Key, g => g.Count());
        var compliance = resolved.Select(t => t.Priority).Concat(openBreached.Keys).Distinct().Order()
            .Select(p => new PriorityCompliance(p,
                resolved.Count(t => t.Priority == p),
                resolved.Count(t => t.Priority == p && Met(t)),
                openBreached.GetValueOrDefault(p)))
            .ToList();

        return new EscalationFigures(now, range, open.Count, openBySla, raised.Count, raised.Count(t => Escalated(t.Number)),
            byCategory, byTechnician, escalations.Count(e => e.Kind == EventKind.AutoEscalated), load,
            Repeats(trails, range), firstContact, compliance, TimeInTier(raised, Trail, policy, now), Pages(trails, range),
            Weeks(raised, resolved, escalations, FirstContact, policy.Staffed.Zone, range),
            outbox.Where(m => m.State is OutboxState.Parked or OutboxState.Unconfirmed).OrderBy(m => m.Id)
                .Select(m => new ParkedMessage(m.Id, m.TicketNumber, m.Platform, m.Audience, m.Kind.ToString(), m.Attempts, m.LastError, m.CreatedAt,
                    m.State == OutboxState.Unconfirmed)).ToList());
    }

    /// <summary>Each ticket's trail in the order it was written.</summary>
    public static Dictionary<long, IReadOnlyList<TicketEventRow>> Trails(IReadOnlyList<TicketEventRow> events) =>
        events.GroupBy(e => e.TicketNumber).ToDictionary(g => g.Key, g => (IReadOnlyList<TicketEventRow>)g.OrderBy(e => e.Id).ToList());

    /// <summary>The open tickets as their cards show them now, breached and at risk first, then by priority and due time.</summary>
    public static List<OpenTicket> OpenTickets(IReadOnlyList<TicketRow> tickets, EscalationPolicy policy, DateTimeOffset now) =>
        tickets.Where(t => t.Status is TicketStatus.Queued or TicketStatus.Accepted or TicketStatus.WaitingOnUser)
            .Select(t => ListItem(t, policy, now))
            .OrderBy(t => Urgency(t.SlaState)).ThenBy(t => t.Priority).ThenBy(t => t.SlaDueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.Number)
            .ToList();

    /// <summary>One ticket as the list shows it (open or not).</summary>
    public static OpenTicket ListItem(TicketRow row, EscalationPolicy policy, DateTimeOffset now)
    {
        var ticket = TicketJson.DeserializeTicket(row.State);
        var view = TicketViews.Card(ticket, policy, now);
        var state = ticket.IsOpen && ticket.HasMark(Marks.Breached) ? SlaState.Breached : view.SlaState;
        var text = state == SlaState.Breached && view.SlaState != SlaState.Breached ? "Breached" : view.SlaText;
        var left = ticket.IsOpen && view.SlaDueAt is not null ? SlaMath.TimeLeft(ticket, policy, now) : null;
        return new OpenTicket(row.Number, view.Key, view.Title, view.Priority, view.Tier, view.TierName, view.Status, view.StatusText,
            view.Owner?.Name, view.Reporter.Name, state, text, view.SlaDueAt, left is { } l ? Math.Round(l.TotalMinutes) : null, ticket.RaisedAt);
    }

    private static int Urgency(SlaState state) => state switch
    {
        SlaState.Breached => 0,
        SlaState.AtRisk => 1,
        SlaState.Warning => 2,
        SlaState.OnTrack => 3,
        _ => 4,
    };

    private static bool Met(TicketRow t) => !TicketJson.DeserializeTicket(t.State).HasMark(Marks.Breached);

    private static List<RepeatEscalation> Repeats(Dictionary<long, IReadOnlyList<TicketEventRow>> trails, ReportRange range)
    {
        var repeats = new List<RepeatEscalation>();
        foreach (var (number, trail) in trails.OrderBy(t => t.Key))
        {
            var reopened = false;
            foreach (var e in trail)
            {
                if (e.Kind == EventKind.Reopened) reopened = true;
                if (e.Kind is not (EventKind.Escalated or EventKind.AutoEscalated) || !range.Contains(e.At)) continue;
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
                total[t] = total.GetValueOrDefault(t) + (d > TimeSpan.Zero ? d : TimeSpan.Zero);
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

    private static PageStats Pages(Dictionary<long, IReadOnlyList<TicketEventRow>> trails, ReportRange range)
    {
        var durations = new List<TimeSpan>();
        int pages = 0, runs = 0, acknowledged = 0;
        foreach (var trail in trails.Values)
        {
            DateTimeOffset? firstPage = null;
            foreach (var e in trail)
            {
                if (e.Kind == EventKind.Paged)
                {
                    if (range.Contains(e.At)) pages++;
                    if (firstPage is null && range.Contains(e.At)) runs++;
                    firstPage ??= e.At;
                }
                else if (e.Kind is EventKind.PageAcknowledged or EventKind.PageEnded && firstPage is { } p)
                {
                    if (e.Kind == EventKind.PageAcknowledged && range.Contains(p))
                    {
                        acknowledged++;
                        durations.Add(e.At > p ? e.At - p : TimeSpan.Zero);
                    }
                    firstPage = null;
                }
            }
        }
        return new PageStats(pages, runs, acknowledged,
            durations.Count == 0 ? null : TimeSpan.FromTicks((long)durations.Average(d => d.Ticks)),
            durations.Count == 0 ? null : durations.Max());
    }

    private static List<WeekTrend> Weeks(IReadOnlyList<TicketRow> raised, IReadOnlyList<TicketRow> resolved, IReadOnlyList<TicketEventRow> escalations,
        Func<TicketRow, bool> firstContact, TimeZoneInfo zone, ReportRange range)
    {
        DateOnly WeekOf(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        var weeks = new List<WeekTrend>();
        for (var week = WeekOf(range.From); week <= WeekOf(range.To); week = week.AddDays(7))
        {
            var w = week;
            var done = resolved.Where(t => WeekOf(t.ResolvedAt!.Value) == w).ToList();
            weeks.Add(new WeekTrend(w, raised.Count(t => WeekOf(t.RaisedAt) == w), escalations.Count(e => WeekOf(e.At) == w), done.Count, done.Count(firstContact)));
        }
        return weeks;
    }
}
