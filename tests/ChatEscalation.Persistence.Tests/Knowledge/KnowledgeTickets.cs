using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>Tickets in the states the search tells apart, made by the engine and stored as rows (the triggers or generated columns index them).</summary>
public sealed class KnowledgeTickets(Func<EscalationDbContext> newContext, long firstNumber)
{
    /// <summary>Somebody else affected by the same problem: the reporter of linked reports.</summary>
    public static readonly UserRef Pat = new("pat@corp.example", "Pat");

    private long _next = firstNumber;

    public DateTimeOffset Now { get; set; } = T0;

    /// <summary>Raised, accepted by Alice and resolved with <paramref name="fix"/>.</summary>
    public async Task<Ticket> ResolvedAsync(string title, string fix, string? description = null)
    {
        var t = Raise(title, description);
        t = Decide(t, new AcceptTicket(Alice));
        return await StoreAsync(Decide(t, new ResolveTicket(Alice, fix)));
    }

    /// <summary>Raised and queued (the knowledge step done), open.</summary>
    public async Task<Ticket> OpenAsync(string title, string? service = null) => await StoreAsync(Queued(Raise(title, null, service)));

    /// <summary>Raised and still waiting for its knowledge step.</summary>
    public async Task<Ticket> WaitingForIntakeAsync(string title) => await StoreAsync(Raise(title, null, awaitKnowledge: true));

    /// <summary>A "me too" report linked to <paramref name="parent"/> (optionally resolved with it).</summary>
    public async Task<Ticket> LinkedAsync(Ticket parent, string title, bool resolved = false)
    {
        var t = Raise(title, null, awaitKnowledge: true, reporter: Pat);
        var similar = new SimilarTicket(parent.Number, parent.Title, parent.Category, parent.AffectedService, 1, parent.RaisedAt);
        t = Decide(t, new CompleteIntake(UserRef.System, new IntakeFindings([], [similar])));
        var joined = EscalationEngine.Decide(t, new JoinIncident(Pat), Policy, Now).Decision!;
        t = joined.Ticket;
        if (resolved) t = Decide(t, new ResolveWithParent(Alice, parent.Number, "Restarted the concentrator"));
        await using (var db = newContext())
        {
            var row = db.Tickets.Single(r => r.Number == parent.Number);
            var stored = RowMapper.ToTicket(row);
            RowMapper.Copy(Decide(stored, joined.FollowUps.Single().Command), row);
            await db.SaveChangesAsync();
        }

        return await StoreAsync(t);
    }

    /// <summary>Resolved by its reporter with a suggestion (self-service).</summary>
    public async Task<Ticket> SelfServiceAsync(string title)
    {
        var t = Raise(title, null, awaitKnowledge: true);
        var suggestion = new Suggestion(SuggestionSource.ResolvedTicket, 1, title, "Some fix that helped", 1);
        t = Decide(t, new CompleteIntake(UserRef.System, new IntakeFindings([suggestion], [])));
        return await StoreAsync(Decide(t, new ResolveSelfService(Uma)));
    }

    /// <summary>Applies <paramref name="command"/> to the stored ticket and updates its row, as a workflow does.</summary>
    public async Task<Ticket> UpdateAsync(Ticket ticket, TicketCommand command)
    {
        await using var db = newContext();
        var row = db.Tickets.Single(r => r.Number == ticket.Number);
        var next = Decide(RowMapper.ToTicket(row), command);
        RowMapper.Copy(next, row);
        await db.SaveChangesAsync();
        return next;
    }

    /// <summary>A knowledge article written from <paramref name="source"/>, in the given review state.</summary>
    public async Task<KnowledgeArticle> ArticleAsync(Ticket source, string title, string body, DraftState state)
    {
        await using var db = newContext();
        var article = new KnowledgeArticle
        {
            TicketNumber = source.Number, Title = title, Body = body, Category = source.Category, FromTier = 2,
            AuthorKey = Carol.Key, AuthorName = Carol.Name, CreatedAt = Now, Status = state,
        };
        db.KnowledgeArticles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    private Ticket Raise(string title, string? description, string? service = null, bool awaitKnowledge = false, UserRef? reporter = null) =>
        EscalationEngine.Raise(new RaiseTicket(reporter ?? Uma, "local", title, description, AffectedService: service, AwaitKnowledge: awaitKnowledge), _next++, Policy, Now).Decision!.Ticket;

    private Ticket Queued(Ticket t) => t.Intake == IntakeStage.Done ? t : Decide(t, new CompleteIntake(UserRef.System, IntakeFindings.None));

    private Ticket Decide(Ticket t, TicketCommand command)
    {
        var outcome = EscalationEngine.Decide(t, command, Policy, Now);
        return outcome.IsDecision ? outcome.Decision.Ticket : throw new InvalidOperationException(outcome.Refusal.Reason);
    }

    private async Task<Ticket> StoreAsync(Ticket t)
    {
        await using var db = newContext();
        db.Tickets.Add(RowMapper.ToRow(t));
        await db.SaveChangesAsync();
        return t;
    }
}
