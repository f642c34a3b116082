using System.Data.Common;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed class SweepQueryPlanTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task SweepAsync_DueRowsQuery_ReadsThroughTheDueAtIndex()
    {
        var capture = new CommandCapture();
        await using var db = new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas(), capture).Options);
        await new Sweeping.DeadlineSweeper(db, new FixedPolicyProvider(Policy), Harness.Writer, new NoOutboxWakeup()).SweepAsync(T0);

        var sweepQuery = capture.Commands.First(c => c.Sql.Contains("FROM \"Deadlines\"") && c.Sql.Contains("ORDER BY"));
        await using var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sweepQuery.Sql;
        foreach (var (name, value) in sweepQuery.Parameters)
        {
            var p = explain.CreateParameter();
            (p.ParameterName, p.Value) = (name, value);
            explain.Parameters.Add(p);
        }
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        plan.ShouldContain(line => line.Contains("USING INDEX IX_Deadlines_DueAt") && line.Contains("DueAt<"), string.Join(" | ", plan));
        plan.ShouldNotContain(line => line.Contains("USE TEMP B-TREE FOR ORDER BY"));
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string, object?)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }
}
