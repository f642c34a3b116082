using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Hosting.Health;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Tests.Scheduling;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>The three health endpoints on the real host: live, ready (database, migrations, policy, Socket Mode, outbox freshness) and the summary.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_AlwaysAnswers200()
    {
        await using var host = await SchedulingHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync(HealthRegistration.LivePath);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_StartedHost_200WithEveryCheckHealthy()
    {
        await using var host = await SchedulingHost.StartAsync();

        var (status, body) = await ReadyAsync(host);

        status.ShouldBe(HttpStatusCode.OK);
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        var checks = body["checks"]!.AsObject();
        checks.Select(c => c.Key).ShouldBe(["database", "migrations", "policy", "slack-socket-mode", "outbox"], ignoreOrder: true);
        checks.ShouldAllBe(c => c.Value!["status"]!.GetValue<string>() == "Healthy");
    }

    [Fact]
    public async Task Ready_OldestPendingMessageOlderThanStaleAfter_503NamingTheOutbox_SummaryStill200()
    {
        var time = new FakeTimeProvider(SchedulingHost.T0);
        var sender = new ScriptedSender(time) { Answer = (_, _) => new DeliveryResult.Retry("503 service_unavailable") };
        await using var host = await SchedulingHost.StartAsync(sender, time: time);
        await host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        await host.StepAsync(TimeSpan.FromMinutes(1), SchedulingHost.T0.AddMinutes(10));
        (await ReadyAsync(host)).Status.ShouldBe(HttpStatusCode.OK);

        time.Advance(TimeSpan.FromMinutes(1));
        var (status, body) = await ReadyAsync(host);

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var outbox = body["checks"]!["outbox"]!;
        outbox["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        outbox["description"]!.GetValue<string>().ShouldContain("Outbox:StaleAfter");
        outbox["data"]!["oldestPendingAgeSeconds"]!.GetValue<long>().ShouldBe(660);
        body["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        var summary = await host.HealthAsync();
        summary["status"]!.GetValue<string>().ShouldBe("ready");
        summary["parkedOutboxMessages"]!.GetValue<int>().ShouldBe(0);
        summary["unconfirmedOutboxMessages"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Ready_StaleAfterConfigured_LongerWaitStillReady()
    {
        var time = new FakeTimeProvider(SchedulingHost.T0);
        var sender = new ScriptedSender(time) { Answer = (_, _) => new DeliveryResult.Retry("503 service_unavailable") };
        await using var host = await SchedulingHost.StartAsync(sender, new Dictionary<string, string?> { ["Outbox:StaleAfter"] = "00:30:00" }, time);
        await host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        time.Advance(TimeSpan.FromMinutes(20));

        (await ReadyAsync(host)).Status.ShouldBe(HttpStatusCode.OK);
        time.Advance(TimeSpan.FromMinutes(11));
        (await ReadyAsync(host)).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Ready_SocketModeConfiguredButNotConnected_503()
    {
        // Slack's API is a closed loopback port: apps.connections.open fails and the client keeps retrying.
        await using var host = await SchedulingHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:Mode"] = "Socket",
            ["Slack:AppToken"] = "xapp-test",
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        });

        var (status, body) = await ReadyAsync(host);

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body["checks"]!["slack-socket-mode"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task SocketModeCheck_FollowsTheConnection()
    {
        var options = new OptionsMonitorStub(new SlackOptions { Mode = SlackMode.Socket, AppToken = "xapp-1", BotToken = "xoxb-1" });
        var state = new SlackSocketModeState();
        var check = new SocketModeCheck(options, state);

        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Unhealthy);
        state.MarkConnected();
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
        state.MarkDisconnected();
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Unhealthy);
    }

    [Fact]
    public async Task MigrationsAppliedCheck_FreshDatabase_UnhealthyUntilMigrated()
    {
        var folder = Directory.CreateTempSubdirectory("chatescalation-health-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "h.db")}").Options;
            await using var db = new SqliteEscalationDbContext(options);
            var check = new MigrationsAppliedCheck(db);

            var before = await check.CheckHealthAsync(new HealthCheckContext());
            before.Status.ShouldBe(HealthStatus.Unhealthy);
            before.Description!.ShouldContain("Initial");
            await db.Database.MigrateAsync();
            (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync(SchedulingHost host)
    {
        using var client = host.Client();
        using var response = await client.GetAsync(HealthRegistration.ReadyPath);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private sealed class OptionsMonitorStub(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
