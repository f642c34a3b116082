using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Storage;

/// <summary>De-duplicates platform retries by event id: the primary key decides, so it is safe across threads and instances.</summary>
public sealed class InboundEventStore(EscalationDbContext db)
{
    /// <summary>True the first time a (platform, event id) is seen; false for a duplicate.</summary>
    public async Task<bool> TryRecordInboundAsync(string platform, string eventId, DateTimeOffset now, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        db.InboundEvents.Add(new InboundEvent { Platform = platform, EventId = eventId, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Forgets ids received before <paramref name="before"/> (platforms stop retrying within minutes).</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct = default) =>
        db.InboundEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(ct);
}
