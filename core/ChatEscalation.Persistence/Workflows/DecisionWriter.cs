using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>Stages everything a decision changes (ticket, events, deadlines, outbox, knowledge drafts) for the caller's one SaveChanges, and tells
/// <see cref="ITicketChanges"/> of the change.</summary>
/// <remarks>
/// An existing ticket row must be tracked with its stored Version: EF's update then checks it, so a decision made on a stale
/// ticket fails with <see cref="DbUpdateConcurrencyException"/> and nothing is written.
/// </remarks>
public sealed class DecisionWriter(OutboxWriter outbox, ITicketChanges? changes = null)
{
    /// <summary>The ticket's stored deadlines, tracked (compiled once: every decision on an existing ticket reads them).</summary>
    private static readonly CompiledPerModel<Func<EscalationDbContext, long, IAsyncEnumerable<DeadlineRow>>> DeadlinesOf = new(() =>
        EF.CompileAsyncQuery((EscalationDbContext db, long number) => db.Deadlines.Where(d => d.TicketNumber == number)));

    /// <summary>Stages the decision's changes; returns how many outbox rows it staged (the caller wakes the outbox after its commit when any).</summary>
    public async Task<int> StageAsync(EscalationDbContext db, TicketRow? row, Decision decision, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var ticket = decision.Ticket;
        if (decision.Changed && changes is not null) changes.Staged(new Core.Views.HomeChange(row?.Status, row?.Tier, row?.OwnerKey, ticket));
        if (row is null) db.Tickets.Add(RowMapper.ToRow(ticket));
        else if (decision.Changed) RowMapper.Copy(ticket, row);
        else db.Entry(row).Property(r => r.Version).IsModified = true;

        db.TicketEvents.AddRange(decision.Events.Select(e => RowMapper.ToRow(ticket.Number, e)));
        await StageDeadlinesAsync(db, row is null, ticket.Number, decision.Deadlines, ct);
        var messages = outbox.Write(decision, policy, now);
        db.OutboxMessages.AddRange(messages);
        foreach (var e in decision.Events.Where(e => e.Kind == EventKind.KnowledgeDrafted))
        {
            db.KnowledgeArticles.Add(new KnowledgeArticle
            {
                TicketNumber = ticket.Number,
                Title = ticket.Title,
                Category = ticket.Category,
                Body = e.Note ?? ticket.Resolution ?? "",
                FromTier = ticket.Tier,
                AuthorKey = e.Actor.Key,
                AuthorName = e.Actor.Name,
                CreatedAt = e.At,
                Status = DraftState.Pending,
            });
        }

        if (ticket.Draft is { } draft && decision.Events.Any(e => e.Kind is EventKind.KnowledgePublished or EventKind.KnowledgeDiscarded))
            await ReviewAsync(db, ticket.Number, draft, ct);
        return messages.Count;
    }

    /// <summary>
    /// Stores the earliest of the decision's <paramref name="deadlines"/> as the ticket's one wake-up row: the rows are only the index
    /// that wakes the sweep, and a tick plans and fires every deadline due from the ticket's state, so the earliest is all it needs.
    /// An existing row is rewritten in place (one update, none when it already holds that deadline unclaimed), so a decision costs
    /// at most one deadline statement instead of a delete and an insert per deadline that changed. A row claimed by a sweep is
    /// released by the rewrite. Extra rows (a database written when every deadline had its row) and the row of a ticket with
    /// nothing pending are deleted.
    /// </summary>
    private static async Task StageDeadlinesAsync(EscalationDbContext db, bool newTicket, long number, IEnumerable<Core.Deadlines.Deadline> deadlines, CancellationToken ct)
    {
        var next = DeadlinePlanner.Earliest(deadlines);
        var placed = false;
        if (!newTicket)
        {
            await foreach (var row in DeadlinesOf.For(db)(db, number).WithCancellation(ct))
            {
                if (placed || next is null)
                {
                    db.Deadlines.Remove(row);
                    continue;
                }

                placed = true;
                (row.Kind, row.DueAt, row.Tier, row.ClaimedUntil) = (next.Kind, next.DueAt, next.Tier, null); // change tracking writes only what differs
            }
        }

        if (!placed && next is not null) db.Deadlines.Add(RowMapper.ToRow(number, next));
    }

    /// <summary>The review's outcome on the ticket's newest article row (published: searchable from the commit on; discarded: never).</summary>
    private static async Task ReviewAsync(EscalationDbContext db, long ticketNumber, KnowledgeDraft draft, CancellationToken ct)
    {
        var article = await db.KnowledgeArticles.Where(a => a.TicketNumber == ticketNumber).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (article is null) return;
        article.Title = draft.Title;
        article.Body = draft.Body;
        article.Status = draft.State;
        article.ReviewedByKey = draft.ReviewedBy?.Key;
        article.ReviewedByName = draft.ReviewedBy?.Name;
        article.ReviewedAt = draft.ReviewedAt;
    }
}
