using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Platform requests already handled (<see cref="InboundReceipt"/>): the primary key decides, so it holds across threads and instances.</summary>
/// <remarks>
/// A receipt is written by <see cref="Workflows.TicketWorkflow"/> in the same transaction as what the request did (the ticket change,
/// its outbox rows, the reply), never before: a crash in between leaves nothing, and the platform's redelivery does the work once.
/// <see cref="SeenAsync"/> is the cheap early check for a retry (memory first, <see cref="RecentReceipts"/>, then the database);
/// the commit is the authority (a redelivery racing the first delivery loses on the primary key and does nothing).
/// </remarks>
public sealed class InboundEventStore(EscalationDbContext db, RecentReceipts? recent = null)
{
    /// <summary>Whether the receipt is stored (compiled once: every first-time request asks).</summary>
    private static readonly CompiledPerModel<Func<EscalationDbContext, string, string, CancellationToken, Task<bool>>> Stored = new(() =>
        EF.CompileAsyncQuery((EscalationDbContext db, string platform, string key, CancellationToken _) =>
            db.InboundEvents.AsNoTracking().Any(e => e.Platform == platform && e.EventId == key)));

    /// <summary>The process's memory of recent receipts (a private one when none was given).</summary>
    public RecentReceipts Recent { get; } = recent ?? new RecentReceipts(1024);

    /// <summary>True when the request was handled and committed before: remembered in memory, else found in the database.</summary>
    public async Task<bool> SeenAsync(InboundReceipt receipt, CancellationToken ct = default)
    {
        if (Recent.Contains(receipt)) return true;
        var key = receipt.StoredKey;
        if (!await Stored.For(db)(db, receipt.Platform, key, ct)) return false;
        Recent.Remember(receipt);
        return true;
    }

    /// <summary>
    /// True when this process remembers the request as handled (no database read). False is not proof of a first delivery: a writer
    /// that relies on it commits the receipt with its work, and the primary key turns a repeat into a conflict it checks with
    /// <see cref="SeenAsync"/>.
    /// </summary>
    public bool SeenRecently(InboundReceipt receipt) => Recent.Contains(receipt);

    /// <summary>Adds the receipt to the caller's unit of work (its SaveChanges commits it with the work).</summary>
    public static void Stage(EscalationDbContext db, InboundReceipt receipt, DateTimeOffset now) =>
        db.InboundEvents.Add(new InboundEvent { Platform = receipt.Platform, EventId = receipt.StoredKey, ReceivedAt = now });

    /// <summary>
    /// Records a request whose only effect happens outside the database (opening a modal): true the first time, false for a repeat.
    /// One <c>INSERT … ON CONFLICT DO NOTHING</c> on SQLite and PostgreSQL alike.
    /// </summary>
    public async Task<bool> TryRecordAsync(InboundReceipt receipt, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = receipt.StoredKey;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "InboundEvents" ("Platform", "EventId", "ReceivedAt") VALUES ({receipt.Platform}, {key}, {now.UtcTicks}) ON CONFLICT DO NOTHING""",
            ct);
        Recent.Remember(receipt);
        return inserted == 1;
    }

    /// <summary>Forgets receipts older than <paramref name="before"/> (platforms stop retrying within minutes; signatures expire in five).</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct = default) =>
        db.InboundEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(ct);
}
