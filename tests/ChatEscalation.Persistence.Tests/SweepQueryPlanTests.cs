using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed class SweepQueryPlanTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task SweepAsync_DueRowsQuery_ReadsThroughTheDueAtIndex()
    {
        var capture = new QueryPlan();
        await using var db = new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas(), capture).Options);
        await new Sweeping.DeadlineSweeper(db, new FixedPolicyProvider(Policy), Harness.Writer, new NoOutboxWakeup()).SweepAsync(T0);

        var plan = await capture.ExplainAsync(db, sql => sql.Contains("FROM \"Deadlines\"") && sql.Contains("ORDER BY"));

        plan.ShouldContain(line => line.Contains("USING INDEX IX_Deadlines_DueAt") && line.Contains("DueAt<"), string.Join(" | ", plan));
        plan.ShouldNotContain(line => line.Contains("USE TEMP B-TREE FOR ORDER BY"));
    }
}
