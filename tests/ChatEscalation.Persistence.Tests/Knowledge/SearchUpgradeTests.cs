using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>A database from before the knowledge search, upgraded: tickets resolved then are searchable fixes after the migration.</summary>
public sealed class SearchUpgradeTests : IDisposable
{
    private const string BeforeSearch = "20261203171923_CardCopies";
    private readonly string _folder = Directory.CreateTempSubdirectory("escalation-upgrade-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "old.db")}";

    private SqliteEscalationDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas()).Options);

    [Fact]
    public async Task MigrateAsync_TicketResolvedBeforeTheSearchExisted_IndexedFromItsStoredState()
    {
        await using (var db = NewContext()) await db.GetService<IMigrator>().MigrateAsync(BeforeSearch);
        var raised = EscalationEngine.Raise(new RaiseTicket(Uma, "local", "Docking station loses the second monitor"), 7, Policy, T0).Decision!.Ticket;
        var accepted = EscalationEngine.Decide(raised, new AcceptTicket(Alice), Policy, T0).Decision!.Ticket;
        var resolved = EscalationEngine.Decide(accepted, new ResolveTicket(Alice, "Updated the dock firmware to 1.0.41"), Policy, T0).Decision!.Ticket;
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "Tickets" ("Number", "Status", "Tier", "Priority", "Category", "ReporterKey", "Origin", "RaisedAt", "ResolvedAt",
                                       "EscalationCount", "ReopenCount", "IsVip", "State", "Version")
                VALUES (7, 'Resolved', 1, 'P3', 'General', 'uma@demo.local', 'local', $raised, $raised, 0, 0, 0, $state, 3)
                """;
            insert.Parameters.AddWithValue("$raised", T0.UtcTicks);
            insert.Parameters.AddWithValue("$state", TicketJson.Serialize(resolved));
            await insert.ExecuteNonQueryAsync();
        }

        await using (var db = NewContext()) await db.Database.MigrateAsync();

        await using var search = NewContext();
        var found = (await new SqliteKnowledgeSearch(search).SuggestAsync("second monitor on the docking station", 5)).ShouldHaveSingleItem();
        (found.Reference, found.Title, found.Excerpt).ShouldBe((7L, "Docking station loses the second monitor", "Updated the dock firmware to 1.0.41"));
        var row = await search.Tickets.SingleAsync(t => t.Number == 7);
        (row.PeopleAffected, row.LastReportAt).ShouldBe((1, T0));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
