using ChatEscalation.Bench.Shared;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// A database holding <c>n</c> queued, unowned Tier 1 tickets (each with its deadlines, raised now): one ticket is raised through the
/// real workflow on the committed migrations, then cloned by SQL (<see cref="TicketCloneSql"/>, one transaction). A million tickets take well under a minute.
/// </summary>
public static class Seeder
{
    /// <param name="platform"><c>slack</c> or <c>teams</c>: where the tickets were raised and their cards live.</param>
    /// <param name="teamsServiceUrl">For Teams: the Connector the tier, manager and on-call channels are reached through (the
    /// references a channel install would have stored), so the bot's posts go to the stand-in.</param>
    public static async Task SeedAsync(string path, int tickets, string platform = "slack", string? teamsServiceUrl = null)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(InProcessBotPolicy.Load())
            .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}"), [platform])
            .BuildServiceProvider();
        await using (services)
        {
            await PersistenceServiceRegistration.MigrateAsync(services);
            await using var scope = services.CreateAsyncScope();
            if (teamsServiceUrl is not null) await TeamsChannelsAsync(scope.ServiceProvider.GetRequiredService<ChatDirectory>(), teamsServiceUrl);
            if (tickets == 0) return;
            var workflow = scope.ServiceProvider.GetRequiredService<TicketWorkflow>();
            var template = (await workflow.RaiseAsync(new RaiseTicket(new UserRef("uma@demo.local", "Uma"), platform, "printer on floor 1 jams"))).Ticket!.Number;
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            var sql = $"""
                BEGIN;
                {TicketCloneSql.Statements(tickets, template.ToString(System.Globalization.CultureInfo.InvariantCulture))}
                COMMIT;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task TeamsChannelsAsync(ChatDirectory directory, string serviceUrl)
    {
        string[] channels = [.. Enumerable.Range(1, 4).Select(TeamsBodies.TierChannel), TeamsBodies.ManagerChannel, TeamsBodies.OnCallChannel];
        foreach (var channel in channels)
        {
            await directory.UpsertConversationAsync(new ConversationReferenceRow
            {
                Platform = "teams", Key = channel, ServiceUrl = serviceUrl, ConversationId = channel,
                TenantId = "00000000-0000-0000-0000-0000000000f0", UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
    }
}
