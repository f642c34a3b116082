using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Sweeping;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Persistence.Tests;

/// <summary>A real SQLite file in a fresh temp folder per test class, migrated through <see cref="PersistenceServiceRegistration.MigrateAsync"/>.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    /// <summary>Every platform, the emulator's too: the fan-out tests see one row per platform.</summary>
    public static readonly string[] EnabledPlatforms = [Platforms.Slack, Platforms.Teams, Platforms.Local];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "escalation-tests-" + Guid.NewGuid().ToString("N"));
    public string ConnectionString => $"Data Source={Path.Combine(Folder, "escalation.db")}";
    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Services = new ServiceCollection()
            .AddSingleton(TestPolicy.Policy)
            .AddSingleton(TimeProvider.System)
            .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString), EnabledPlatforms)
            .BuildServiceProvider();
        await PersistenceServiceRegistration.MigrateAsync(Services);
    }

    public EscalationDbContext NewContext() =>
        new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>()
            .UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas()).Options);

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
