using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Persistence.Tests;

/// <summary>
/// <see cref="PersistenceServiceRegistration.MigrateAsync"/> at start: a database one migration behind gets it, one with all of them is
/// left alone without running EF's migrator; and no model change lacks its migration (the check the migrator makes on a fresh database).
/// </summary>
public sealed class StartupMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("escalation-startup-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "start.db")}";

    [Fact]
    public async Task MigrateAsync_DatabaseOneMigrationBehind_AppliesIt()
    {
        string last;
        await using (var db = NewContext())
        {
            var all = db.Database.GetMigrations().ToList();
            last = all[^1];
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        }

        await using var services = Services();
        await PersistenceServiceRegistration.MigrateAsync(services);

        await using var after = NewContext();
        (await after.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await after.Database.GetAppliedMigrationsAsync()).ShouldContain(last);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseWithEveryMigration_MigratorNotRun()
    {
        await using var services = Services();
        await PersistenceServiceRegistration.MigrateAsync(services);
        // EF's migrator creates its lock table each time it runs (and leaves it): gone, it shows whether the migrator ran again.
        (await LockTablesAsync()).ShouldBe(1);
        await using (var db = NewContext()) await db.Database.ExecuteSqlRawAsync("""DROP TABLE "__EFMigrationsLock" """);

        await PersistenceServiceRegistration.MigrateAsync(services);

        (await LockTablesAsync()).ShouldBe(0);
        await using var after = NewContext();
        (await after.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    private async Task<int> LockTablesAsync()
    {
        await using var db = NewContext();
        return await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE name = '__EFMigrationsLock'""").SingleAsync();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Model_ComparedWithTheLastMigrationSnapshot_HasNoChangeWithoutAMigration(string provider)
    {
        using DbContext db = provider == "sqlite"
            ? NewContext()
            : new PostgresEscalationDbContext(new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql("Host=unused").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    private SqliteEscalationDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas()).Options);

    private ServiceProvider Services() => new ServiceCollection()
        .AddSingleton(TestPolicy.Policy)
        .AddSingleton(TimeProvider.System)
        .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString), SqliteDatabase.EnabledPlatforms)
        .BuildServiceProvider();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
