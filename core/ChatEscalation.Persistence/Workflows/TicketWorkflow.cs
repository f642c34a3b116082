using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>Load → engine → save: every command on a ticket, each saved (ticket, events, deadlines, outbox) in one SaveChanges.</summary>
/// <remarks>
/// The engine decides everything; after a commit that wrote outbox rows the outbox is woken (<see cref="IOutboxWakeup"/>), so no
/// caller has to remember to. A save that loses an optimistic-concurrency race is retried on the reloaded ticket,
/// so two simultaneous accepts give one owner and the engine's refusal for the other. Reads the clock once per operation.
/// </remarks>
public sealed class TicketWorkflow(EscalationDbContext db, TimeProvider time, IPolicyProvider policies, DecisionWriter writer, IOutboxWakeup outbox)
{
    /// <summary>How many times a command is decided again after losing a race before the conflict is thrown.</summary>
    public const int MaxAttempts = 8;

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.Queued, TicketStatus.Accepted, TicketStatus.WaitingOnUser];

    /// <summary>Allocates the next ticket number and raises the ticket; a refusal (no title) saves nothing and uses no number.</summary>
    /// <remarks>
    /// The number comes from one atomic <c>UPDATE … RETURNING</c> inside the raise's transaction: concurrent raises queue on the
    /// counter row (SQLite's write lock, PostgreSQL's row lock) instead of failing and retrying, and a refused raise rolls it back.
    /// </remarks>
    public async Task<CommandResult> RaiseAsync(RaiseTicket command, CancellationToken ct = default)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = (await db.Database
            .SqlQuery<long>($"UPDATE \"Counters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {Counter.Tickets} RETURNING \"Value\"")
            .ToListAsync(ct)).Single();
        var outcome = EscalationEngine.Raise(command, number, policy, now);
        if (!outcome.IsDecision)
        {
            await transaction.RollbackAsync(ct);
            return CommandResult.From(outcome, null);
        }
        var messages = await writer.StageAsync(db, null, outcome.Decision, policy, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (messages > 0) outbox.Wake();
        return CommandResult.From(outcome, null);
    }

    /// <summary>Applies a command to an existing ticket; unknown ticket → not found, refusal or no change → nothing saved.</summary>
    public async Task<CommandResult> ExecuteAsync(long number, TicketCommand command, CancellationToken ct = default)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number, ct);
            if (row is null) return CommandResult.Missing(number);
            var ticket = RowMapper.ToTicket(row);
            var outcome = EscalationEngine.Decide(ticket, command, policy, now);
            if (!outcome.IsDecision || !outcome.Decision.Changed) return CommandResult.From(outcome, ticket);
            var messages = await writer.StageAsync(db, row, outcome.Decision, policy, now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                if (messages > 0) outbox.Wake();
                return CommandResult.From(outcome, ticket);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && SaveConflict.Is(e)) { }
        }
    }

    public async Task<Ticket?> GetAsync(long number, CancellationToken ct = default)
    {
        var row = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Number == number, ct);
        return row is null ? null : RowMapper.ToTicket(row);
    }

    /// <summary>Open tickets the person owns or reported, oldest first.</summary>
    public async Task<IReadOnlyList<Ticket>> ListOpenForAsync(UserRef user, CancellationToken ct = default)
    {
        var (key, lower) = (user.Key, user.Key.ToLowerInvariant());
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => OpenStatuses.Contains(t.Status))
            .Where(t => t.OwnerKey == key || t.OwnerKey == lower || t.ReporterKey == key || t.ReporterKey == lower)
            .OrderBy(t => t.Number)
            .ToListAsync(ct);
        return rows.Select(RowMapper.ToTicket).ToList();
    }

    /// <summary>The ticket's audit trail in the order it happened.</summary>
    public async Task<IReadOnlyList<TicketEvent>> EventsAsync(long number, CancellationToken ct = default)
    {
        var rows = await db.TicketEvents.AsNoTracking().Where(e => e.TicketNumber == number).OrderBy(e => e.Id).ToListAsync(ct);
        return rows.Select(RowMapper.ToEvent).ToList();
    }
}
