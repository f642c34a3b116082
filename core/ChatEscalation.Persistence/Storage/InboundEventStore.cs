using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Storage;

/// <summary>De-duplicates platform retries by event id: the primary key decides, so it is safe across threads and instances.</summary>
/// <remarks>
/// One <c>INSERT … ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL alike): a repeat costs one statement and no exception, so the
/// retries Slack and Teams send under load are not logged as database errors. <c>ReceivedAt</c> is stored as UTC ticks, as the
/// model's converter stores every <see cref="DateTimeOffset"/>.
/// </remarks>
public sealed class InboundEventStore(EscalationDbContext db)
{
    /// <summary>True the first time a (platform, event id) is seen; false for a duplicate.</summary>
    public async Task<bool> TryRecordInboundAsync(string platform, string eventId, DateTimeOffset now, CancellationToken ct = default)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "InboundEvents" ("Platform", "EventId", "ReceivedAt") VALUES ({platform}, {eventId}, {now.UtcTicks}) ON CONFLICT DO NOTHING""",
            ct);
        return inserted == 1;
    }

    /// <summary>Forgets one id again: its handling failed before anything was saved, so the platform's retry must be handled.</summary>
    public Task<int> ForgetAsync(string platform, string eventId, CancellationToken ct = default) =>
        db.InboundEvents.Where(e => e.Platform == platform && e.EventId == eventId).ExecuteDeleteAsync(ct);

    /// <summary>Forgets ids received before <paramref name="before"/> (platforms stop retrying within minutes).</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct = default) =>
        db.InboundEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(ct);
}
