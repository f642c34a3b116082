using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The dashboard's queries: figures, the ticket list and the export, each cut down to what the viewer may see.</summary>
/// <remarks>Reads everything without tracking; a desk-sized database (thousands of tickets) fits in one pass.</remarks>
public sealed class EscalationReport(EscalationDbContext db, EscalationPolicy policy, TimeProvider time)
{
    /// <summary>The figures over the last 30 days as everybody (sign-in off) sees them.</summary>
    public Task<EscalationFigures> ComputeAsync(CancellationToken cancellationToken = default) => ComputeAsync(DashboardViewer.Everyone, null, cancellationToken);

    /// <summary>
    /// The figures over <paramref name="range"/> (default the last 30 days). The aggregates cover the whole desk; the lists that name
    /// tickets (repeat escalations) keep only tickets the viewer sees, and parked messages are for managers only.
    /// </summary>
    public async Task<EscalationFigures> ComputeAsync(DashboardViewer viewer, ReportRange? range, CancellationToken cancellationToken = default)
    {
        var (tickets, events) = await LoadAsync(cancellationToken);
        var parked = viewer.SeesParked
            ? await db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Parked || m.State == OutboxState.Unconfirmed).ToListAsync(cancellationToken)
            : [];
        var figures = EscalationFiguresCalculator.Compute(tickets, events, parked, policy, time.GetUtcNow(), range);
        if (viewer.Role is ViewerRole.Everyone or ViewerRole.Manager) return figures;
        var visible = Visible(viewer, tickets, events).Select(t => t.Number).ToHashSet();
        return figures with { Repeats = figures.Repeats.Where(r => visible.Contains(r.Ticket)).ToList() };
    }

    /// <summary>The tickets the viewer may see, as the list shows them: open ones only (breached and at risk first), or all of them.</summary>
    public async Task<IReadOnlyList<OpenTicket>> TicketsAsync(DashboardViewer viewer, bool openOnly, CancellationToken cancellationToken = default)
    {
        var (tickets, events) = await LoadAsync(cancellationToken);
        var visible = Visible(viewer, tickets, events);
        var now = time.GetUtcNow();
        return openOnly
            ? EscalationFiguresCalculator.OpenTickets(visible, policy, now)
            : visible.OrderBy(t => t.Number).Select(t => EscalationFiguresCalculator.ListItem(t, policy, now)).ToList();
    }

    /// <summary>The export: one row per ticket the viewer sees that was raised in <paramref name="range"/> or is still open.</summary>
    public async Task<string> ExportAsync(DashboardViewer viewer, ReportRange range, CancellationToken cancellationToken = default)
    {
        var (tickets, events) = await LoadAsync(cancellationToken);
        var trails = EscalationFiguresCalculator.Trails(events);
        var now = time.GetUtcNow();
        var rows = Visible(viewer, tickets, events)
            .Where(t => range.Contains(t.RaisedAt) || t.Status is Core.Tickets.TicketStatus.Queued or Core.Tickets.TicketStatus.Accepted or Core.Tickets.TicketStatus.WaitingOnUser)
            .OrderBy(t => t.Number)
            .Select(t => (t, EscalationFiguresCalculator.ListItem(t, policy, now), trails.TryGetValue(t.Number, out var trail) ? trail : (IReadOnlyList<TicketEventRow>)[]));
        return TicketCsv.Write(rows);
    }

    /// <summary>Whether the viewer may see ticket <paramref name="number"/>; null when there is no such ticket.</summary>
    public async Task<bool?> SeesAsync(DashboardViewer viewer, long number, CancellationToken cancellationToken = default)
    {
        var row = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
        if (row is null) return null;
        if (viewer.Role is ViewerRole.Everyone or ViewerRole.Manager) return true;
        var trail = await db.TicketEvents.AsNoTracking().Where(e => e.TicketNumber == number).ToListAsync(cancellationToken);
        return viewer.Sees(row, trail);
    }

    /// <summary>
    /// The knowledge-base drafts the resolving tiers wrote (newest first, at most <paramref name="take"/>): the fix a Tier 2 or higher
    /// technician recorded, for Tier 1 to reuse, with who wrote it.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeDraft>> KnowledgeAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        var rows = await db.KnowledgeArticles.AsNoTracking().OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return rows.Select(a => new KnowledgeDraft(a.TicketNumber, Core.Tickets.TicketKey.Format(a.TicketNumber), a.Title, a.Category, a.Body,
            a.FromTier, policy.TierName(a.FromTier), policy.Person(a.AuthorKey).Name, a.CreatedAt)).ToList();
    }

    private async Task<(List<TicketRow> Tickets, List<TicketEventRow> Events)> LoadAsync(CancellationToken cancellationToken) =>
        (await db.Tickets.AsNoTracking().ToListAsync(cancellationToken), await db.TicketEvents.AsNoTracking().ToListAsync(cancellationToken));

    private static List<TicketRow> Visible(DashboardViewer viewer, List<TicketRow> tickets, List<TicketEventRow> events)
    {
        if (viewer.Role is ViewerRole.Everyone or ViewerRole.Manager) return tickets;
        var trails = EscalationFiguresCalculator.Trails(events);
        return tickets.Where(t => viewer.Sees(t, trails.TryGetValue(t.Number, out var trail) ? trail : [])).ToList();
    }
}
