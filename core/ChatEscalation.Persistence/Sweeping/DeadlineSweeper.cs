using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Telemetry;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Sweeping;

/// <summary>Fires the deadlines due now: reads only due rows through the DueAt index, ticks each ticket, saves each in one transaction.</summary>
/// <remarks>
/// Claiming, so a deadline fires once across instances: on SQLite a short lease (<see cref="Lease"/>) is written on the due rows
/// before acting; on PostgreSQL the due rows are locked with <c>FOR UPDATE SKIP LOCKED</c> inside the ticket's transaction.
/// A process dying between claim and commit loses nothing (the lease expires, the rows stay) and doubles nothing (the ticket's
/// marks, its events and its outbox rows commit together, and a repeated tick finds nothing due). A ticket changed meanwhile by
/// somebody else (an accept) fails the version check, is skipped and comes back at the next sweep.
/// </remarks>
public sealed class DeadlineSweeper(EscalationDbContext db, IPolicyProvider policies, DecisionWriter writer, IOutboxWakeup outbox)
{
    /// <summary>How long a SQLite claim keeps other sweepers off a ticket's due rows.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Test seam: runs after a ticket's rows are claimed and before anything is saved.</summary>
    internal Func<long, CancellationToken, Task>? AfterClaim { get; set; }

    /// <summary>Test seam: runs after the tick is decided and staged, just before SaveChanges.</summary>
    internal Func<long, CancellationToken, Task>? BeforeSave { get; set; }

    /// <summary>When the earliest deadline not claimed by a sweep falls due; null when none is pending. Uses the due-time index.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default)
    {
        var next = await db.Deadlines.AsNoTracking().Where(d => d.ClaimedUntil == null).OrderBy(d => d.DueAt).Select(d => d.DueAt).Take(1).ToListAsync(ct);
        return next.Count == 0 ? null : next[0];
    }

    public async Task<SweepResult> SweepAsync(DateTimeOffset now, int max = 500, CancellationToken ct = default)
    {
        var policy = policies.Current;
        db.ChangeTracker.Clear();
        var due = await db.Deadlines.AsNoTracking()
            .Where(d => d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .OrderBy(d => d.DueAt)
            .Take(max)
            .Select(d => d.TicketNumber)
            .ToListAsync(ct);
        int tickets = 0, events = 0, skipped = 0;
        var fired = new List<string>();
        foreach (var number in due.Distinct())
        {
            var kinds = db.SupportsRowLocks ? await TickLockedAsync(number, now, policy, ct) : await TickLeasedAsync(number, now, policy, ct);
            if (kinds is null)
            {
                skipped++;
                continue;
            }
            (tickets, events) = (tickets + 1, events + kinds.Count);
            if (kinds.Count > 0) fired.Add($"{TicketKey.Format(number)} ({string.Join(", ", kinds)})");
        }

        if (events > 0) outbox.Wake(); // what the fired deadlines said is committed: deliver it now
        return new SweepResult(tickets, events, skipped, string.Join(", ", fired));
    }

    private async Task<IReadOnlyList<EventKind>?> TickLeasedAsync(long number, DateTimeOffset now, EscalationPolicy policy, CancellationToken ct)
    {
        DateTimeOffset? until = now + Lease;
        var claimed = await db.Deadlines
            .Where(d => d.TicketNumber == number && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), ct);
        if (claimed == 0) return null;
        if (AfterClaim is not null) await AfterClaim(number, ct);
        try
        {
            return await ApplyAsync(number, now, policy, ct);
        }
        catch (DbUpdateException e) when (SaveConflict.Is(e))
        {
            db.ChangeTracker.Clear();
            await db.Deadlines.Where(d => d.TicketNumber == number && d.ClaimedUntil == until)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), ct);
            return null;
        }
    }

    private async Task<IReadOnlyList<EventKind>?> TickLockedAsync(long number, DateTimeOffset now, EscalationPolicy policy, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var nowTicks = now.UtcTicks;
        var locked = await db.Deadlines
            .FromSql($"SELECT * FROM \"Deadlines\" WHERE \"TicketNumber\" = {number} AND \"DueAt\" <= {nowTicks} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(ct);
        if (locked.Count == 0) return null;
        if (AfterClaim is not null) await AfterClaim(number, ct);
        try
        {
            var events = await ApplyAsync(number, now, policy, ct);
            await tx.CommitAsync(ct);
            return events;
        }
        catch (DbUpdateException e) when (SaveConflict.Is(e))
        {
            await tx.RollbackAsync(ct);
            return null;
        }
    }

    /// <summary>Ticks the ticket and saves it with its events, replaced deadlines and outbox rows; a missing ticket's rows are dropped.</summary>
    /// <returns>The kinds of the events it produced.</returns>
    private async Task<IReadOnlyList<EventKind>> ApplyAsync(long number, DateTimeOffset now, EscalationPolicy policy, CancellationToken ct)
    {
        using var span = EscalationTelemetry.StartDecision("tick", number);
        db.ChangeTracker.Clear();
        var row = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number, ct);
        if (row is null)
        {
            await db.Deadlines.Where(d => d.TicketNumber == number).ExecuteDeleteAsync(ct);
            return [];
        }
        var decision = EscalationEngine.Tick(RowMapper.ToTicket(row), policy, now);
        await writer.StageAsync(db, row, decision, policy, now, ct);
        if (BeforeSave is not null) await BeforeSave(number, ct);
        await db.SaveChangesAsync(ct);
        return decision.Events.Select(e => e.Kind).ToList();
    }
}
