using ChatEscalation.Core.Commands;
using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>The reads on the request path and the outbox poll go through indexes, so their cost does not grow with the tickets kept.</summary>
public sealed class HotPathQueryPlanTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task ListOpenForAsync_MineQuery_SearchesTheOwnerAndReporterIndexesNeverScansTickets()
    {
        var (plan, db) = Context();
        await using var _ = db;
        await new TicketWorkflow(db, TimeProvider.System, new FixedPolicyProvider(Policy), Harness.Writer, new InboundEventStore(db), new NoOutboxWakeup())
            .ListOpenForAsync(Uma);

        var lines = await plan.ExplainAsync(db, "FROM \"Tickets\"");

        lines.ShouldContain(l => l.Contains("IX_Tickets_OwnerKey"), string.Join(" | ", lines));
        lines.ShouldContain(l => l.Contains("IX_Tickets_ReporterKey"), string.Join(" | ", lines));
        lines.ShouldNotContain(l => l.StartsWith("SCAN t", StringComparison.Ordinal), string.Join(" | ", lines));
    }

    [Fact]
    public async Task DueAsync_OutboxPoll_SearchesByStateAndLaneIndexesNeverScansTheOutbox()
    {
        using (var h = new Harness(database.NewContext, T0))
            await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Printer jams"));
        var (plan, db) = Context();
        await using var _ = db;
        await new OutboxStore(db, new NoOutboxWakeup()).DueAsync(T0);

        var lines = await plan.ExplainAsync(db, "FROM \"OutboxMessages\"");

        lines.ShouldNotContain(l => l.StartsWith("SCAN", StringComparison.Ordinal), string.Join(" | ", lines));
        lines.ShouldContain(l => l.Contains("IX_OutboxMessages_Lane_Id"), string.Join(" | ", lines));
        // Each state read in Id order up to the limit (OutboxPollCostTests), not a range of NextAttemptAt read whole and sorted.
        lines.ShouldContain(l => l.Contains("IX_OutboxMessages_State (State=?)"), string.Join(" | ", lines));
    }

    [Fact]
    public async Task TicketOfThreadAsync_ThreadReply_SearchesTheSourceThreadAndMessageIdIndexesNeverScans()
    {
        var (plan, db) = Context();
        await using var _ = db;
        (await new OutboxStore(db, new NoOutboxWakeup()).TicketOfThreadAsync("slack", "D0UMA", "1773136700.000100", ownMessagesToo: true)).ShouldBeNull();

        var tickets = await plan.ExplainAsync(db, "FROM \"Tickets\"");
        var outbox = await plan.ExplainAsync(db, "FROM \"OutboxMessages\"");

        tickets.ShouldContain(l => l.Contains("IX_Tickets_SourceThreadKey"), string.Join(" | ", tickets));
        outbox.ShouldContain(l => l.Contains("IX_OutboxMessages_Platform_PlatformMessageId"), string.Join(" | ", outbox));
        tickets.Concat(outbox).ShouldNotContain(l => l.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunPendingAsync_TicketsInIntake_ReadThroughThePartialIndexNeverScanTickets()
    {
        var (plan, db) = Context();
        await using var _ = db;
        await new KnowledgeIntake(db, new SqliteKnowledgeSearch(db), TimeProvider.System, new FixedPolicyProvider(Policy), Harness.Writer, new NoOutboxWakeup())
            .RunPendingAsync();

        var lines = await plan.ExplainAsync(db, sql => sql.Contains("FROM \"Tickets\"") && sql.Contains("IntakePending") && sql.Contains("ORDER BY"));

        lines.ShouldContain(l => l.Contains("INDEX IX_Tickets_IntakePending"), string.Join(" | ", lines));
    }

    [Fact]
    public async Task SimilarOpenAsync_DrivenByTheWordMatchesThenEachTicketByNumber()
    {
        var (plan, db) = Context();
        await using var _ = db;
        await new SqliteKnowledgeSearch(db).SimilarOpenAsync("printer jams on floor 3", "Hardware", T0.AddDays(-1), 0, 10, []);

        var lines = await plan.ExplainAsync(db, "\"OpenSearch\" MATCH");

        // Before: SQLite drove the join from the intake index (every ticket not in intake) and probed the matches per ticket.
        var matches = lines.FindIndex(l => l.StartsWith("SCAN m", StringComparison.Ordinal));
        var tickets = lines.FindIndex(l => l.StartsWith("SEARCH t USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        matches.ShouldBeGreaterThanOrEqualTo(0, string.Join(" | ", lines));
        tickets.ShouldBeGreaterThan(matches, string.Join(" | ", lines));
        lines.ShouldNotContain(l => l.Contains("IX_Tickets_"), string.Join(" | ", lines));
    }

    private (QueryPlan Plan, EscalationDbContext Db) Context()
    {
        var plan = new QueryPlan();
        return (plan, new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas(), plan).Options));
    }
}
