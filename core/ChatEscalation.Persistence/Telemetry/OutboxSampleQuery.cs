using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Telemetry;

/// <summary>Reads an <see cref="OutboxSample"/> from the database: two indexed counts and one ordered read of the oldest waiting message.</summary>
public sealed class OutboxSampleQuery(EscalationDbContext db)
{
    /// <summary>The outbox as it is at <paramref name="now"/>.</summary>
    public async Task<OutboxSample> SampleAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var waiting = db.OutboxMessages.AsNoTracking().Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Sending);
        var backlog = await waiting.CountAsync(ct);
        var oldest = backlog == 0 ? [] : await waiting.OrderBy(o => o.Id).Select(o => o.CreatedAt).Take(1).ToListAsync(ct);
        var parked = await db.OutboxMessages.AsNoTracking().CountAsync(o => o.State == OutboxState.Parked, ct);
        var age = oldest.Count == 0 ? TimeSpan.Zero : now - oldest[0];
        return new OutboxSample(backlog, age < TimeSpan.Zero ? TimeSpan.Zero : age, parked);
    }
}
