using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// The knowledge step, off the acknowledgement path: for each ticket raised since (its card held, <see cref="Rows.TicketRow.IntakePending"/>),
/// search suggestions and similar open tickets, let the engine decide (<see cref="CompleteIntake"/>), and save its decision (ticket,
/// events, outbox rows) in one SaveChanges; then wake the outbox.
/// </summary>
/// <remarks>
/// Runs after the raise's commit (the host runs it in the dispatcher's pass, which the raise's commit wakes), so a search never delays
/// Slack's 3 s or Teams' answer. A failing search does not hold a card: the step completes with nothing found and the card goes out.
/// With several instances the ticket's version check makes the step happen once; a ticket nobody ran the step for is sent to the queue
/// by the sweep after <see cref="EscalationEngine.KnowledgeStepTimeout"/>.
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

    /// <summary>Runs the knowledge step of every ticket waiting for it (oldest first); returns how many it decided.</summary>
    public async Task<int> RunPendingAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var pending = await db.Tickets.AsNoTracking().Where(t => t.IntakePending).OrderBy(t => t.Number).Select(t => t.Number).Take(BatchSize).ToListAsync(ct);
        int decided = 0, messages = 0;
        foreach (var number in pending)
        {
            if (await RunAsync(number, ct) is not { } written) continue;
            decided++;
            messages += written;
        }

        if (messages > 0) outbox.Wake();
        return decided;
    }

    /// <summary>The step for one ticket; the outbox rows it wrote, or null when the ticket no longer waits (or changed meanwhile).</summary>
    private async Task<int?> RunAsync(long number, CancellationToken ct)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        db.ChangeTracker.Clear();
        var row = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number && t.IntakePending, ct);
        if (row is null) return null;
        var ticket = RowMapper.ToTicket(row);
        var findings = await FindAsync(ticket, now - policy.MajorIncident.Window, ct);
        var outcome = EscalationEngine.Decide(ticket, new CompleteIntake(UserRef.System, findings), policy, now);
        if (!outcome.IsDecision || !outcome.Decision.Changed) return null;
        using var turn = await _gate.EnterAsync(ct); // the searches above read without it; the save queues with the other writers
        var written = await writer.StageAsync(db, row, outcome.Decision, policy, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return written;
        }
        catch (DbUpdateException e) when (SaveConflict.Is(e))
        {
            return null; // decided elsewhere, or changed meanwhile: the next pass looks again
        }
    }

    private async Task<IntakeFindings> FindAsync(Ticket ticket, DateTimeOffset since, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct); // one connection for both searches
            var suggestions = await search.SuggestAsync($"{ticket.Title} {ticket.Description}", Candidates, ct);
            var similar = await search.SimilarOpenAsync(ticket.Title, ticket.Category, since, ticket.Number, Candidates, ct);
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
