using ChatEscalation.Core.Commands;
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

    private (QueryPlan Plan, EscalationDbContext Db) Context()
    {
        var plan = new QueryPlan();
        return (plan, new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas(), plan).Options));
    }
}
