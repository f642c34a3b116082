using ChatEscalation.Core.Commands;
using ChatEscalation.Persistence.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>
/// The SQLite search indexes follow a ticket through its life, and a change that leaves a ticket's place and words in an index as
/// they were (an Accept, an escalation) does not re-index it (<see cref="SqliteSearchSchema.UpdateOnChange"/>).
/// </summary>
public sealed class SearchTriggerTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task TicketLife_InTheRightIndexAtEveryStep()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Plotter smears magenta on every print"))).Ticket!.Number;
        (await InAsync("OpenSearch", "magenta"), await InAsync("FixSearch", "magenta")).ShouldBe((true, false));

        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        (await InAsync("OpenSearch", "magenta"), await InAsync("FixSearch", "magenta")).ShouldBe((true, false));

        await ExecuteAsync($"""UPDATE "Tickets" SET "Title" = 'Plotter smears cyan on every print' WHERE "Number" = {number}""");
        (await InAsync("OpenSearch", "cyan"), await InAsync("OpenSearch", "magenta")).ShouldBe((true, false));

        await h.Workflow().ExecuteAsync(number, new ResolveTicket(Alice, "Replaced the printhead cleaning cartridge"));
        (await InAsync("OpenSearch", "plotter"), await InAsync("FixSearch", "cartridge")).ShouldBe((false, true));

        await ExecuteAsync($"""UPDATE "Tickets" SET "Status" = 'Queued' WHERE "Number" = {number}""");
        (await InAsync("OpenSearch", "plotter"), await InAsync("FixSearch", "cartridge")).ShouldBe((true, false));
    }

    [Fact]
    public async Task StatusChangeBetweenOpenStates_IndexesNotWritten()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Badge reader at door 4 blinks red"))).Ticket!.Number;

        // total_changes() counts the rows the triggers' statements change too: 1 means the update touched the ticket alone.
        (await ChangesAsync($"""UPDATE "Tickets" SET "Status" = 'Accepted', "Title" = "Title", "Category" = "Category" WHERE "Number" = {number}""")).ShouldBe(1);
        (await ChangesAsync($"""UPDATE "Tickets" SET "Status" = 'WaitingOnUser' WHERE "Number" = {number}""")).ShouldBe(1);
        (await ChangesAsync($"""UPDATE "Tickets" SET "Description" = 'It blinks red twice, then the door stays shut' WHERE "Number" = {number}""")).ShouldBeGreaterThan(1);
        (await InAsync("OpenSearch", "twice"), await InAsync("OpenSearch", "badge")).ShouldBe((true, true));
    }

    [Fact]
    public async Task Migration_DownAndUpAgain_TriggersSwapped()
    {
        var folder = Directory.CreateTempSubdirectory("escalation-search-triggers-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "t.db")}";
        try
        {
            SqliteEscalationDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite(connectionString).Options);
            async Task<string> TriggersAsync()
            {
                await using var db = NewContext();
                return string.Join(",", await db.Database.SqlQueryRaw<string>(
                    """SELECT "name" AS "Value" FROM sqlite_master WHERE "type" = 'trigger' AND "name" LIKE 'Tickets_%Update' ORDER BY "name" """).ToListAsync());
            }

            await using (var db = NewContext()) await db.Database.MigrateAsync();
            (await TriggersAsync()).ShouldBe("Tickets_FixSearch_Update,Tickets_OpenSearch_Update");
            await using (var db = NewContext()) await db.GetService<IMigrator>().MigrateAsync("20261203223037_IntakePendingPartialIndex");
            (await TriggersAsync()).ShouldBe("Tickets_Search_Update");
            await using (var db = NewContext()) await db.Database.MigrateAsync();
            (await TriggersAsync()).ShouldBe("Tickets_FixSearch_Update,Tickets_OpenSearch_Update");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<bool> InAsync(string index, string word)
    {
        await using var connection = await OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = $"""SELECT count(*) FROM "{index}" WHERE "{index}" MATCH $word""";
        command.Parameters.AddWithValue("$word", word);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await ExecuteOnAsync(connection, sql);
    }

    /// <summary>Rows changed by <paramref name="sql"/>, its triggers' included.</summary>
    private async Task<long> ChangesAsync(string sql)
    {
        await using var connection = await OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT total_changes()";
        var before = (long)(await command.ExecuteScalarAsync())!;
        await ExecuteOnAsync(connection, sql);
        return (long)(await command.ExecuteScalarAsync())! - before;
    }

    private static async Task ExecuteOnAsync(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
