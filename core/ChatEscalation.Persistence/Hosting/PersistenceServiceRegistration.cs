using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Sweeping;
using ChatEscalation.Persistence.Telemetry;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatEscalation.Persistence.Hosting;

/// <summary>
/// Registers the database (pooled contexts), the workflows (on SQLite through one <see cref="GroupCommitWriter"/>, whose batches take turns
/// at the write lock with the outbox's bookkeeping through one <see cref="SqliteWriteGate"/>), the outbox and the product's metrics (<see cref="EscalationMetrics"/>, derived from committed
/// events by <see cref="TelemetrySaveChangesInterceptor"/>); <see cref="MigrateAsync"/> applies the committed migrations at start.
/// </summary>
/// <remarks>
/// Needs an <see cref="EscalationPolicy"/> (or an <see cref="IPolicyProvider"/>) and a <see cref="TimeProvider"/> registered by the host.
/// Direct messages to people other than the reporter go to the platforms in <c>Outbox:Platforms</c> (default: <c>local</c>, plus
/// <c>slack</c> / <c>teams</c> when they are configured; see <see cref="EnabledPlatforms"/>).
/// </remarks>
public static class PersistenceServiceRegistration
{
    public static IServiceCollection AddEscalationPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool emulator = true) =>
        services.AddEscalationPersistence(DatabaseSettings.From(configuration, contentRoot), EnabledPlatforms(configuration, emulator));

    /// <summary>The same with explicit settings and the platforms outbox rows are written for (<see cref="OutboxWriter"/>).</summary>
    public static IServiceCollection AddEscalationPersistence(this IServiceCollection services, DatabaseSettings settings, IEnumerable<string> enabledPlatforms)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PostgresEscalationDbContext>((sp, o) => o.UseNpgsql(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<TelemetrySaveChangesInterceptor>()));
            services.AddScoped<EscalationDbContext>(sp => sp.GetRequiredService<PostgresEscalationDbContext>());
            services.AddScoped<IKnowledgeSearch, PostgresKnowledgeSearch>();
        }
        else
        {
            services.AddDbContextPool<SqliteEscalationDbContext>((sp, o) => o.UseSqlite(settings.ConnectionString)
                .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<TelemetrySaveChangesInterceptor>()));
            services.AddScoped<EscalationDbContext>(sp => sp.GetRequiredService<SqliteEscalationDbContext>());
            services.AddScoped<IKnowledgeSearch, SqliteKnowledgeSearch>();
        }

        services.AddMetrics();
        services.TryAddSingleton<OutboxGauges>();
        services.TryAddSingleton<EscalationMetrics>();
        services.TryAddSingleton<TelemetrySaveChangesInterceptor>();
        services.AddScoped<OutboxSampleQuery>();
        services.TryAddSingleton<IPolicyProvider>(sp => new FixedPolicyProvider(sp.GetRequiredService<EscalationPolicy>()));
        services.AddSingleton(new OutboxWriter(enabledPlatforms));
        services.TryAddSingleton<IOutboxWakeup, NoOutboxWakeup>();
        services.TryAddSingleton<ITicketChanges, NoTicketChanges>();
        services.AddSingleton<DecisionWriter>();
        services.TryAddSingleton<RecentReceipts>();
        services.TryAddSingleton<KnownPeople>();
        services.TryAddSingleton(new SqliteWriteGate(enabled: settings.Provider == DatabaseProvider.Sqlite));
        services.TryAddSingleton(sp => new GroupCommitWriter(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOutboxWakeup>(),
            sp.GetRequiredService<RecentReceipts>(), enabled: settings.Provider == DatabaseProvider.Sqlite, gate: sp.GetRequiredService<SqliteWriteGate>()));
        services.AddScoped<TicketWorkflow>();
        services.AddScoped<DeadlineSweeper>();
        services.AddScoped<KnowledgeIntake>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<CardCopyStore>();
        services.AddScoped<UnreachedPages>();
        services.AddScoped<InboundEventStore>();
        services.AddScoped<ChatDirectory>();
        services.AddScoped<EmulatorStore>();
        return services;
    }

    /// <summary>
    /// Applies the provider's committed migrations (creates the database on first start). A restart on a database that has them all
    /// reads the migrations history and stops there: EF's migrator would also build the model from the last migration's snapshot and
    /// compare it with the code's (5–6 MiB of memory kept for the life of the process). A fresh database, and
    /// so every test's, still goes through the migrator and its check that no model change lacks a migration.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Database;
        if (!(await database.GetPendingMigrationsAsync(ct)).Any()) return;
        await database.MigrateAsync(ct);
    }

    /// <summary>
    /// The platforms outbox rows are written for: the emulator (<c>local</c>) when <paramref name="emulator"/> (the host knows whether
    /// it runs); then <c>Outbox:Platforms</c> when listed, otherwise Slack when it is configured (<c>Slack:SigningSecret</c> or
    /// <c>Slack:AppToken</c>) and Teams when <c>Teams:AppId</c> is set.
    /// </summary>
    public static IReadOnlyList<string> EnabledPlatforms(IConfiguration configuration, bool emulator = true)
    {
        var enabled = new List<string>();
        if (emulator) enabled.Add(Platforms.Local);
        var listed = configuration.GetSection("Outbox:Platforms").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (listed.Count > 0) return [.. enabled.Concat(listed).Distinct(StringComparer.OrdinalIgnoreCase)];
        if (!string.IsNullOrWhiteSpace(configuration["Slack:SigningSecret"]) || !string.IsNullOrWhiteSpace(configuration["Slack:AppToken"])) enabled.Add(Platforms.Slack);
        if (!string.IsNullOrWhiteSpace(configuration["Teams:AppId"])) enabled.Add(Platforms.Teams);
        return enabled;
    }
}
