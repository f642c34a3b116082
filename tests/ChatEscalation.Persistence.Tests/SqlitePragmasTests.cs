using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Tests;

/// <summary>Every SQLite connection the store opens is in WAL mode, syncs each commit to disk and keeps temporary storage in memory.</summary>
/// <remarks>Run alone (<see cref="SqlitePragmasCollection"/>): the temporary-file check counts this process's open files.</remarks>
[Collection(nameof(SqlitePragmasCollection))]
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

    /// <summary>
    /// The group-commit writer's savepoints (one per request in a batch) journal every page they change; beyond 64 KiB that journal
    /// went to a temporary file, written for every request. It stays in memory now: no temporary file is held during the transaction.
    /// </summary>
    [Fact]
    public async Task SavepointsInOneTransaction_ChangingMorePagesThanTheSpillSize_NoTemporaryFile()
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        (await PragmaAsync(db, "temp_store")).ShouldBe("2"); // 2 = MEMORY
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE "Filler" ("Id" INTEGER PRIMARY KEY, "Body" BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO "Filler" SELECT i, randomblob(2000) FROM n;
            """);
        var before = TemporaryFilesHeld();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            for (var op = 0; op < 20; op++)
            {
                await transaction.CreateSavepointAsync("op");
                await db.Database.ExecuteSqlAsync($"UPDATE \"Filler\" SET \"Body\" = randomblob(2000) WHERE \"Id\" % 20 = {op}"); // 20 rows, about 40 KiB of pages
                await transaction.ReleaseSavepointAsync("op");
            }

            TemporaryFilesHeld().ShouldBe(before);
            await transaction.CommitAsync();
        }
    }

    /// <summary>SQLite's temporary files (named <c>etilqs_…</c>, deleted as soon as opened) this process holds open.</summary>
    private static int TemporaryFilesHeld() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget?.Contains("etilqs_", StringComparison.Ordinal) == true);

    private static async Task<string?> PragmaAsync(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Not run in parallel with other test classes, whose connections could hold temporary files of their own.</summary>
[CollectionDefinition(nameof(SqlitePragmasCollection), DisableParallelization = true)]
public sealed class SqlitePragmasCollection;
