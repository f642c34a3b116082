using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The dashboard's query: loads tickets, the audit trail and the parked outbox rows, and computes the figures at the current time.</summary>
/// <remarks>Reads everything without tracking; a desk-sized database (thousands of tickets) fits in one pass.</remarks>
public sealed class EscalationReport(EscalationDbContext db, EscalationPolicy policy, TimeProvider time)
{
    public async Task<EscalationFigures> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var tickets = await db.Tickets.AsNoTracking().ToListAsync(cancellationToken);
        var events = await db.TicketEvents.AsNoTracking().ToListAsync(cancellationToken);
        var parked = await db.OutboxMessages.AsNoTracking().Where(m => m.State == Persistence.Rows.OutboxState.Parked).ToListAsync(cancellationToken);
        return EscalationFiguresCalculator.Compute(tickets, events, parked, policy, time.GetUtcNow());
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
}

/// <summary>One knowledge-base draft as the dashboard shows it.</summary>
public sealed record KnowledgeDraft(long Ticket, string Key, string Title, string Category, string Fix, int FromTier, string TierName, string Author, DateTimeOffset At);
