using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// Ticket numbers for <see cref="GroupCommitWriter"/>'s process, handed out in memory so that a raise can be decided on its request's
/// thread instead of inside the writer's transaction. Seeded from the database (the stored counter or the highest stored ticket, whichever
/// is higher) before the first number; the writer stores the counter with each batch that raised tickets.
/// </summary>
/// <remarks>
/// A number handed out but not used (the raise failed, was cancelled, or turned out to be a repeat) is given back and handed out again
/// before any new one, so the numbering has no gaps while the process runs. Across a crash, numbers in flight are handed out again after
/// the restart unless a higher one had committed (then those few are skipped). Tickets that another process raised in the same database
/// (a second bot on the same SQLite file) show up as a number already taken: the raise loses on the ticket's key, the counter catches up
/// with the stored tickets (<see cref="CatchUpAsync"/>), and the raise is decided again with a fresh number.
/// </remarks>
public sealed class TicketNumbers
{
    private readonly SemaphoreSlim seeding = new(1, 1);
    private readonly PriorityQueue<long, long> returned = new();
    private readonly Lock gate = new();
    private long last = -1; // the highest number handed out; below zero until read from the database

    /// <summary>Whether the highest stored number has been read.</summary>
    public bool Seeded => Volatile.Read(ref last) >= 0;

    /// <summary>Reads the highest stored number once (later calls return at once).</summary>
    public async ValueTask SeedAsync(EscalationDbContext db, CancellationToken ct)
    {
        if (Seeded) return;
        await seeding.WaitAsync(ct);
        try
        {
            if (!Seeded) Volatile.Write(ref last, await StoredAsync(db, ct));
        }
        finally
        {
            seeding.Release();
        }
    }

    /// <summary>The lowest number given back, else the next new one. Requires <see cref="SeedAsync"/> first.</summary>
    public long Take()
    {
        if (!Seeded) throw new InvalidOperationException("Ticket numbers are read from the database (SeedAsync) before the first is taken.");
        lock (gate)
        {
            if (returned.TryDequeue(out var again, out _)) return again;
        }

        return Interlocked.Increment(ref last);
    }

    /// <summary>Gives back a number that no stored ticket uses (its raise was rolled back or never written).</summary>
    public void Return(long number)
    {
        lock (gate) returned.Enqueue(number, number);
    }

    /// <summary>After a number turned out to be taken by a ticket this process did not raise: no number at or below the stored ones is handed out again.</summary>
    public async Task CatchUpAsync(EscalationDbContext db, CancellationToken ct)
    {
        var stored = await StoredAsync(db, ct);
        lock (gate)
        {
            var keep = new List<long>();
            while (returned.TryDequeue(out var number, out _))
                if (number > stored) keep.Add(number);
            foreach (var number in keep) returned.Enqueue(number, number);
        }

        for (var seen = Volatile.Read(ref last); seen < stored; seen = Volatile.Read(ref last))
            if (Interlocked.CompareExchange(ref last, stored, seen) == seen) return;
    }

    /// <summary>Stores the counter as at least <paramref name="highest"/> (in the caller's transaction; never lowers it).</summary>
    public static Task StoreAsync(EscalationDbContext db, long highest, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE \"Counters\" SET \"Value\" = {highest} WHERE \"Name\" = {Counter.Tickets} AND \"Value\" < {highest}", ct);

    private static async Task<long> StoredAsync(EscalationDbContext db, CancellationToken ct)
    {
        var counter = await db.Counters.AsNoTracking().Where(c => c.Name == Counter.Tickets).Select(c => (long?)c.Value).SingleOrDefaultAsync(ct) ?? 0;
        var highest = await db.Tickets.AsNoTracking().MaxAsync(t => (long?)t.Number, ct) ?? 0;
        return Math.Max(counter, highest);
    }
}
