using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Tests;

/// <summary>Every SQLite connection the store opens is in WAL mode and syncs each commit to disk.</summary>
public sealed class SqlitePragmasTests : IAsyncLifetime
{
    private readonly SqliteDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task ConnectionOpened_AnyConnection_WalAndFullSync()
    {
        await using var db = database.NewContext();

        await db.Database.OpenConnectionAsync();

        (await PragmaAsync(db, "journal_mode")).ShouldBe("wal");
        (await PragmaAsync(db, "synchronous")).ShouldBe("2"); // 2 = FULL: an acknowledged commit survives a power loss
    }

    private static async Task<string?> PragmaAsync(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
