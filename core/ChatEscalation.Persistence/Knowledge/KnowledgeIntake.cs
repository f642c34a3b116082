using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// The knowledge step, off the acknowledgement path: for each ticket raised since (its card held, <see cref="Rows.TicketRow.IntakePending"/>),
/// search suggestions and similar open tickets, let the engine decide (<see cref="CompleteIntake"/>), and save the decisions (ticket,
/// events, outbox rows) of up to <see cref="SaveTogether"/> tickets in one SaveChanges; then wake the outbox.
/// </summary>
/// <remarks>
/// Runs after the raise's commit (the host runs it in the dispatcher's pass, which the raise's commit wakes), so a search never delays
/// Slack's 3 s or Teams' answer. A failing search does not hold a card: the step completes with nothing found and the card goes out.
/// With several instances the ticket's version check makes the step happen once; a ticket nobody ran the step for is sent to the queue
/// by the sweep after <see cref="EscalationEngine.KnowledgeStepTimeout"/>.
/// Tickets are stepped in raise order, and a ticket counts as a similar open one once its own step is decided: of two reports of the
/// same problem the later one is asked "Same problem?" about the earlier, whether or not their steps are saved together. Saving them
/// together takes one turn at the write lock and one synced commit for the group instead of one per ticket (after a storm the held
/// cards wait for these).
/// </remarks>
public sealed class KnowledgeIntake(
    EscalationDbContext db,
    IKnowledgeSearch search,
    TimeProvider time,
    IPolicyProvider policies,
    DecisionWriter writer,
    IOutboxWakeup outbox,
    ILogger<KnowledgeIntake>? log = null,
    SqliteWriteGate? gate = null)
{
    private readonly SqliteWriteGate _gate = gate ?? SqliteWriteGate.Open;

    /// <summary>Most tickets one pass takes.</summary>
    public const int BatchSize = 100;

    /// <summary>How many candidates of each kind are fetched for the engine to choose from.</summary>
    public const int Candidates = 10;

    private readonly ILogger _log = log ?? NullLogger<KnowledgeIntake>.Instance;

    /// <summary>How many tickets' steps are saved in one transaction (one turn at the write lock, one synced commit).</summary>
    public const int SaveTogether = 8;

    /// <summary>Runs the knowledge step of every ticket waiting for it (oldest first, at most <see cref="BatchSize"/>); returns how many it decided.</summary>
    public async Task<int> RunPendingAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var pending = await db.Tickets.AsNoTracking().Where(t => t.IntakePending).OrderBy(t => t.Number).Select(t => t.Number).Take(BatchSize).ToListAsync(ct);
        var decided = 0;
        for (var next = 0; next < pending.Count;)
        {
            // While requests wait for the writer (a burst), one ticket at a time: each save gives way to them first, as every
            // background write does, so the step takes little from the acknowledgements. Afterwards, groups.
            var group = pending.Skip(next).Take(_gate.RequestsWaiting ? 1 : SaveTogether).ToArray();
            next += group.Length;
            var (done, messages) = await RunTogetherAsync(group, ct);
            decided += done;
            if (messages > 0) outbox.Wake(); // after each group: the dispatcher is told of its messages at once
        }

        return decided;
    }

    /// <summary>
    /// The steps of <paramref name="numbers"/> (in raise order), saved together: each ticket's search counts the tickets decided before
    /// it in the group as done with their step, as if they had been saved one by one. When the save conflicts (a ticket changed
    /// meanwhile, or another instance stepped it), the group is stepped again one ticket at a time.
    /// </summary>
    private async Task<(int Decided, int Messages)> RunTogetherAsync(long[] numbers, CancellationToken ct)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        db.ChangeTracker.Clear();
        var rows = await db.Tickets.Where(t => numbers.Contains(t.Number) && t.IntakePending).OrderBy(t => t.Number).ToListAsync(ct);
        var stepped = new List<long>();
        var decisions = new List<(TicketRow Row, Decision Decision)>();
        foreach (var row in rows)
        {
            var ticket = RowMapper.ToTicket(row);
            var findings = await FindAsync(ticket, now - policy.MajorIncident.Window, stepped, ct);
            var outcome = EscalationEngine.Decide(ticket, new CompleteIntake(UserRef.System, findings), policy, now);
            if (!outcome.IsDecision || !outcome.Decision.Changed) continue;
            decisions.Add((row, outcome.Decision));
            stepped.Add(row.Number);
        }

        if (decisions.Count == 0) return (0, 0);
        var messages = 0;
        foreach (var (row, decision) in decisions) messages += await writer.StageAsync(db, row, decision, policy, now, ct);
        using (await _gate.EnterAsync(ct)) // the searches and staging above read without it: requests wait for the save alone
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return (decisions.Count, messages);
            }
            catch (DbUpdateException e) when (SaveConflict.Is(e) && numbers.Length > 1)
            {
                _log.LogDebug(e, "A knowledge step of {Count} tickets conflicted; stepping them one at a time", numbers.Length);
            }
            catch (DbUpdateException e) when (SaveConflict.Is(e))
            {
                return (0, 0); // decided elsewhere, or changed meanwhile: the next pass looks again
            }
        }

        var (decided, written) = (0, 0);
        foreach (var number in numbers)
        {
            var (one, its) = await RunTogetherAsync([number], ct);
            (decided, written) = (decided + one, written + its);
        }

        return (decided, written);
    }

    private async Task<IntakeFindings> FindAsync(Ticket ticket, DateTimeOffset since, IReadOnlyList<long> stepped, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct); // one connection for both searches
            var suggestions = await search.SuggestAsync($"{ticket.Title} {ticket.Description}", Candidates, ct);
            var similar = await search.SimilarOpenAsync(ticket.Title, ticket.Category, since, ticket.Number, Candidates, stepped, ct);
            return new IntakeFindings(suggestions, similar);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            _log.LogWarning(e, "Knowledge search failed for {Ticket}; its card goes to the queue without suggestions", ticket.Key);
            return IntakeFindings.None;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
