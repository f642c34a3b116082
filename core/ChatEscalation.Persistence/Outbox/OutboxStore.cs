using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>The dispatcher's side of the outbox: claim what is due in order, record what became of each message, and card references.</summary>
/// <remarks>
/// A claim moves a message to <see cref="OutboxState.Sending"/> with <see cref="OutboxMessage.NextAttemptAt"/> as a lease; a dispatcher
/// that dies mid-send leaves it claimable again once the lease passes. Per (ticket, platform) only the oldest undelivered message is
/// handed out, so a ticket's messages arrive in order; parked, sent and skipped messages no longer hold the line.
/// </remarks>
public sealed class OutboxStore(EscalationDbContext db, IOutboxWakeup wakeup)
{
    /// <summary>How long a claimed message stays with one dispatcher before another may take it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimBatchAsync(DateTimeOffset now, int max = 100, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(o => (o.State == OutboxState.Pending || o.State == OutboxState.Sending) && o.NextAttemptAt <= now)
            .Where(o => !db.OutboxMessages.Any(p => p.TicketNumber == o.TicketNumber && p.Platform == o.Platform && p.Id < o.Id
                && (p.State == OutboxState.Pending || p.State == OutboxState.Sending)))
            .OrderBy(o => o.Id)
            .Take(max)
            .ToListAsync(ct);
        var leaseEnd = now + ClaimLease;
        var claimed = new List<OutboxMessage>(candidates.Count);
        foreach (var c in candidates)
        {
            var (state, at) = (c.State, c.NextAttemptAt);
            var n = await db.OutboxMessages.Where(o => o.Id == c.Id && o.State == state && o.NextAttemptAt == at)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sending).SetProperty(o => o.NextAttemptAt, leaseEnd), ct);
            if (n == 1)
            {
                c.State = OutboxState.Sending;
                c.NextAttemptAt = leaseEnd;
                claimed.Add(c);
            }
        }
        return claimed;
    }

    public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset now, CancellationToken ct = default) =>
        db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Sent)
            .SetProperty(o => o.SentAt, now)
            .SetProperty(o => o.PlatformMessageId, platformMessageId)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastError, (string?)null), ct);

    /// <summary>A transient failure: pending again from <paramref name="retryAt"/>, one attempt more.</summary>
    public Task MarkRetryAsync(long id, string error, DateTimeOffset retryAt, CancellationToken ct = default) =>
        db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Pending)
            .SetProperty(o => o.NextAttemptAt, retryAt)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastError, error), ct);

    /// <summary>A permanent failure: parked for a person; later messages of the ticket go on.</summary>
    public Task ParkAsync(long id, string error, CancellationToken ct = default) =>
        db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Parked)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastError, error), ct);

    public Task SkipAsync(long id, string reason, CancellationToken ct = default) =>
        db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Skipped)
            .SetProperty(o => o.LastError, reason), ct);

    /// <summary>
    /// A person asks for a parked message to be tried again (the platform is back, the channel fixed): pending now, attempts from zero.
    /// False when <paramref name="id"/> is not a parked message. Cards are rendered from the ticket as it is at delivery, so a late
    /// card shows the current state; texts keep the words they had.
    /// </summary>
    public async Task<bool> RequeueParkedAsync(long id, DateTimeOffset now, CancellationToken ct = default)
    {
        var requeued = await db.OutboxMessages.Where(o => o.Id == id && o.State == OutboxState.Parked).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Pending)
            .SetProperty(o => o.NextAttemptAt, now)
            .SetProperty(o => o.Attempts, 0), ct) == 1;
        if (requeued) wakeup.Wake();
        return requeued;
    }

    public Task<int> CountParkedAsync(CancellationToken ct = default) =>
        db.OutboxMessages.CountAsync(o => o.State == OutboxState.Parked, ct);

    /// <summary>Where the ticket's card sits in a logical channel (<c>tier-1</c>, <c>managers</c> …) on a platform, if posted.</summary>
    public Task<ChatMessageRow?> GetChatMessageAsync(long ticketNumber, string platform, string channel, CancellationToken ct = default) =>
        db.ChatMessages.AsNoTracking().SingleOrDefaultAsync(m => m.TicketNumber == ticketNumber && m.Platform == platform && m.Channel == channel, ct);

    /// <summary>Records (or moves) a ticket's card reference; safe when two dispatchers race.</summary>
    public async Task UpsertChatMessageAsync(ChatMessageRow message, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = await db.ChatMessages.SingleOrDefaultAsync(
                m => m.TicketNumber == message.TicketNumber && m.Platform == message.Platform && m.Channel == message.Channel, ct);
            if (existing is null) db.ChatMessages.Add(message);
            else db.Entry(existing).CurrentValues.SetValues(message);
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e)) { }
        }
    }
}
