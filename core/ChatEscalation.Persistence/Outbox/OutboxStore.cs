using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>The dispatcher's side of the outbox: find what is due in order, claim one message at a time, record what became of it, and card references.</summary>
/// <remarks>
/// A message is claimed right before it is sent (<see cref="ClaimAsync"/>): it moves to <see cref="OutboxState.Sending"/> with
/// <see cref="OutboxMessage.NextAttemptAt"/> as a lease (<see cref="ClaimLease"/> unless the host configures another), longer than one send may take, so no other
/// dispatcher (another instance on the same PostgreSQL) can take it while it is in flight. A dispatcher that dies mid-send leaves it
/// claimable once the lease passes, marked <see cref="OutboxMessage.Uncertain"/>: the platform may have it already. Per
/// <see cref="OutboxMessage.Lane"/> (a ticket on one platform, or one conversation's replies) only the oldest pending message is due,
/// so a lane's messages arrive in order; sent, skipped, parked and unconfirmed messages no longer hold the line.
/// <para>Every write takes this process's turn at SQLite's write lock (<see cref="SqliteWriteGate"/>), so the dispatcher's bookkeeping queues
/// behind the group-commit writer's batch instead of contending for the lock inside SQLite.</para>
/// </remarks>
public sealed class OutboxStore(EscalationDbContext db, IOutboxWakeup wakeup, SqliteWriteGate? gate = null)
{
    private readonly SqliteWriteGate gate = gate ?? SqliteWriteGate.Open;

    /// <summary>The default of how long a claimed message stays with one dispatcher before another may take it (longer than any one send may run).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Keeps the store's connection (the scope's context's) open until the result is disposed, so a dispatch pass's reads and writes
    /// share one open (<see cref="OpenConnection"/>); nothing is locked while a send runs.
    /// </summary>
    public Task<OpenConnection> KeepConnectionOpenAsync(CancellationToken ct = default) => OpenConnection.HoldAsync(db, ct);

    /// <summary>Up to <paramref name="max"/> messages due now, each the oldest pending one of its lane, oldest first (not claimed).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int max = 100, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        return await db.OutboxMessages.AsNoTracking()
            .Where(o => (o.State == OutboxState.Pending || o.State == OutboxState.Sending) && o.NextAttemptAt <= now)
            .Where(o => !db.OutboxMessages.Any(p => p.Lane == o.Lane && p.Id < o.Id && (p.State == OutboxState.Pending || p.State == OutboxState.Sending)))
            .OrderBy(o => o.Id)
            .Take(max)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The ticket a chat thread belongs to: the ticket raised from the thread's first message (<see cref="Core.Tickets.Ticket.SourceThread"/>),
    /// or with <paramref name="ownMessagesToo"/> the ticket of the bot's delivered message <paramref name="threadId"/> (a DM about it, a
    /// Teams card); null when the thread is about no ticket. Both lookups use an index.
    /// </summary>
    /// <param name="ownMessagesToo">False: only threads of messages tickets were raised from (a Slack channel, where the bot's own cards keep their
    /// threads to themselves); true: also threads under the bot's own messages.</param>
    public async Task<ThreadTicket?> TicketOfThreadAsync(string platform, string conversation, string threadId, bool ownMessagesToo, CancellationToken ct = default)
    {
        var key = Core.Tickets.SourceThread.KeyOf(platform, conversation, threadId);
        var raised = await db.Tickets.AsNoTracking().Where(t => t.SourceThreadKey == key)
            .OrderByDescending(t => t.Number).Select(t => (long?)t.Number).FirstOrDefaultAsync(ct);
        if (raised is { } number) return new ThreadTicket(number, RaisedThere: true);
        if (!ownMessagesToo) return null;
        var own = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.Platform == platform && o.PlatformMessageId == threadId && o.TicketNumber > 0 && o.State == OutboxState.Sent)
            .OrderByDescending(o => o.Id)
            .Select(o => (long?)o.TicketNumber)
            .FirstOrDefaultAsync(ct);
        return own is { } ticket ? new ThreadTicket(ticket, RaisedThere: false) : null;
    }

    /// <summary>
    /// Claims <paramref name="due"/> for one send (one conditional <c>UPDATE</c>: only if nobody changed it since it was read); null when
    /// another dispatcher got it first. A message whose earlier claim ran out is handed out <see cref="OutboxMessage.Uncertain"/>.
    /// </summary>
    /// <param name="lease">How long the claim holds (default <see cref="ClaimLease"/>); it must outlast the dispatcher's send budget.</param>
    public async Task<OutboxMessage?> ClaimAsync(OutboxMessage due, DateTimeOffset now, TimeSpan? lease = null, CancellationToken ct = default)
    {
        var (state, at, id) = (due.State, due.NextAttemptAt, due.Id);
        var leaseEnd = now + (lease ?? ClaimLease);
        var uncertain = due.Uncertain || state == OutboxState.Sending;
        var claimed = await gate.RunAsync(() => db.OutboxMessages.Where(o => o.Id == id && o.State == state && o.NextAttemptAt == at)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sending).SetProperty(o => o.NextAttemptAt, leaseEnd)
                .SetProperty(o => o.Uncertain, uncertain), ct), ct);
        if (claimed != 1) return null;
        due.State = OutboxState.Sending;
        due.NextAttemptAt = leaseEnd;
        due.Uncertain = uncertain;
        return due;
    }

    public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset now, CancellationToken ct = default) =>
        gate.RunAsync(() => SentAsync(id, platformMessageId, now, ct), ct);

    /// <summary>
    /// Marks the message sent and records where the copy it posted sits (<paramref name="copy"/>, to keep it up to date; none: the
    /// message alone) in one commit: one disk sync instead of two, and no sent copy recorded for a message still pending, nor the reverse.
    /// </summary>
    public async Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset now, ChatMessageRow? copy, CancellationToken ct = default)
    {
        if (copy is null)
        {
            await MarkSentAsync(id, platformMessageId, now, ct);
            return;
        }

        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UpsertAsync(copy, ct);
        await SentAsync(id, platformMessageId, now, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Marks <paramref name="due"/> sent without claiming it, for a message whose delivery sends nothing (a copies row with no copy to
    /// edit): one conditional <c>UPDATE</c>, only if nobody changed it since it was read, instead of a claim and a result. False when
    /// another dispatcher got it first.
    /// </summary>
    public async Task<bool> CompleteUnsentAsync(OutboxMessage due, DateTimeOffset now, CancellationToken ct = default)
    {
        var (state, at, id) = (due.State, due.NextAttemptAt, due.Id);
        return await gate.RunAsync(() => SentAsync(db.OutboxMessages.Where(o => o.Id == id && o.State == state && o.NextAttemptAt == at), "0", now, ct), ct) == 1;
    }

    private Task<int> SentAsync(long id, string? platformMessageId, DateTimeOffset now, CancellationToken ct) =>
        SentAsync(db.OutboxMessages.Where(o => o.Id == id), platformMessageId, now, ct);

    private static Task<int> SentAsync(IQueryable<OutboxMessage> rows, string? platformMessageId, DateTimeOffset now, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Sent)
            .SetProperty(o => o.SentAt, now)
            .SetProperty(o => o.PlatformMessageId, platformMessageId)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastError, (string?)null), ct);

    /// <summary>
    /// A transient failure: pending again from <paramref name="retryAt"/>, one attempt more. <paramref name="uncertain"/>: the attempt
    /// may have reached the platform (the next one checks first); once uncertain, a message stays so.
    /// </summary>
    public Task MarkRetryAsync(long id, string error, DateTimeOffset retryAt, bool uncertain = false, CancellationToken ct = default) =>
        gate.RunAsync(() =>
            db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Pending)
                .SetProperty(o => o.NextAttemptAt, retryAt)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.Uncertain, o => o.Uncertain || uncertain)
                .SetProperty(o => o.LastError, error), ct), ct);

    /// <summary>The platform may have it and cannot be asked: not sent again on its own; a person can (<see cref="RequeueParkedAsync"/>).</summary>
    public Task MarkUnconfirmedAsync(long id, string error, CancellationToken ct = default) =>
        gate.RunAsync(() =>
            db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Unconfirmed)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.LastError, error), ct), ct);

    /// <summary>A permanent failure: parked for a person; later messages of the ticket go on.</summary>
    public Task ParkAsync(long id, string error, CancellationToken ct = default) =>
        gate.RunAsync(() =>
            db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Parked)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.LastError, error), ct), ct);

    public Task SkipAsync(long id, string reason, CancellationToken ct = default) =>
        gate.RunAsync(() =>
            db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Skipped)
                .SetProperty(o => o.LastError, reason), ct), ct);

    /// <summary>
    /// A person asks for a parked or unconfirmed message to be tried again (the platform is back, the channel fixed, the message did
    /// not arrive after all): pending now, attempts from zero, sent without a check. False when <paramref name="id"/> is neither. Cards are rendered from the ticket as it is at delivery, so a late
    /// card shows the current state; texts keep the words they had.
    /// </summary>
    public async Task<bool> RequeueParkedAsync(long id, DateTimeOffset now, CancellationToken ct = default)
    {
        var requeued = await gate.RunAsync(() => db.OutboxMessages.Where(o => o.Id == id && (o.State == OutboxState.Parked || o.State == OutboxState.Unconfirmed))
            .ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Pending)
            .SetProperty(o => o.NextAttemptAt, now)
            .SetProperty(o => o.Uncertain, false)
            .SetProperty(o => o.Attempts, 0), ct), ct) == 1;
        if (requeued) wakeup.Wake();
        return requeued;
    }

    public Task<int> CountParkedAsync(CancellationToken ct = default) =>
        db.OutboxMessages.CountAsync(o => o.State == OutboxState.Parked, ct);

    /// <summary>Messages an attempt may or may not have delivered, waiting for a person (<see cref="OutboxState.Unconfirmed"/>).</summary>
    public Task<int> CountUnconfirmedAsync(CancellationToken ct = default) =>
        db.OutboxMessages.CountAsync(o => o.State == OutboxState.Unconfirmed, ct);

    /// <summary>Where the ticket's card sits in a logical channel (<c>tier-1</c>, <c>managers</c> …) on a platform, if posted.</summary>
    public Task<ChatMessageRow?> GetChatMessageAsync(long ticketNumber, string platform, string channel, CancellationToken ct = default) =>
        db.ChatMessages.AsNoTracking().SingleOrDefaultAsync(m => m.TicketNumber == ticketNumber && m.Platform == platform && m.Channel == channel, ct);

    /// <summary>Records (or moves) a ticket's card reference; safe when two dispatchers race.</summary>
    public async Task UpsertChatMessageAsync(ChatMessageRow message, CancellationToken ct = default)
    {
        using var turn = await gate.EnterAsync(ct);
        await UpsertAsync(message, ct);
    }

    /// <summary>The upsert, in the caller's turn at the write lock (and transaction, if any: a failed insert is rolled back to EF's savepoint).</summary>
    private async Task UpsertAsync(ChatMessageRow message, CancellationToken ct)
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
