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
}
