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
    /// Makes the ticket's stored deadlines <paramref name="deadlines"/>: a stored one the decision keeps unchanged (kind, due time, tier)
    /// and no sweep has claimed stays as it is; the others are deleted and the new ones added (an accept touches two or three rows, not
    /// all of them). A claimed one is always replaced, so the new set starts unclaimed as before.
    /// </summary>
    private static async Task StageDeadlinesAsync(EscalationDbContext db, bool newTicket, long number, IEnumerable<Core.Deadlines.Deadline> deadlines, CancellationToken ct)
    {
        var wanted = deadlines.Select(d => RowMapper.ToRow(number, d)).ToList();
        if (!newTicket)
        {
            var stored = new List<DeadlineRow>();
            await foreach (var row in DeadlinesOf.For(db)(db, number).WithCancellation(ct)) stored.Add(row);
            foreach (var deadline in stored)
            {
                var same = deadline.ClaimedUntil is null ? wanted.FindIndex(w => w.Kind == deadline.Kind && w.DueAt == deadline.DueAt && w.Tier == deadline.Tier) : -1;
                if (same >= 0) wanted.RemoveAt(same);
                else db.Deadlines.Remove(deadline);
            }
        }

        db.Deadlines.AddRange(wanted);
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
