using System.Globalization;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Bot.Tests.Teams;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.ScaleOut;

/// <summary>
/// Two bot instances (<see cref="A"/>, <see cref="B"/>) as behind a load balancer: one throwaway PostgreSQL cluster, one fake Slack
/// (Web API + a Socket Mode connection per instance), one local Bot Framework issuer and Connector, one clock. The emulator is off
/// (<c>Local:Enabled=false</c>), as in production, and the scheduler too: the tests run the sweep and the dispatcher on both
/// instances at once, deterministically, instead of on Coravel's timers.
/// </summary>
public sealed class ScaleOutHarness : IAsyncDisposable
{
    public const string AppId = TeamsTestHost.AppId;
    public const string TenantId = "tenant-1";

    /// <summary>Tuesday 10 March 2026, 10:00 London (GMT): business hours.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private int nextActivity;
    private int nextEvent;

    private ScaleOutHarness(PostgresCluster database, FakeSlackWebApi slack, LocalBotFrameworkIssuer issuer, LocalTeamsConnector connector, FakeTimeProvider time)
    {
        (Database, Slack, Issuer, Connector, Time) = (database, slack, issuer, connector, time);
    }

    public PostgresCluster Database { get; }
    public FakeSlackWebApi Slack { get; }
    public LocalBotFrameworkIssuer Issuer { get; }
    public LocalTeamsConnector Connector { get; }
    public FakeTimeProvider Time { get; }
    public DeliveryLog Deliveries { get; } = new();
    public BotInstance A { get; private set; } = null!;
    public BotInstance B { get; private set; } = null!;
    public IReadOnlyList<BotInstance> Both => [A, B];

    /// <summary>Starts everything; <paramref name="overrides"/> adds settings for both instances (e.g. policy changes).</summary>
    public static async Task<ScaleOutHarness> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var database = new PostgresCluster();
        await database.InitializeAsync();
        var slack = await FakeSlackWebApi.StartAsync();
        var issuer = await LocalBotFrameworkIssuer.StartAsync();
        var connector = await LocalTeamsConnector.StartAsync();
        connector.Responder = new ConnectorSimulator(TeamsTestUser.All).Respond;
        var harness = new ScaleOutHarness(database, slack, issuer, connector, new FakeTimeProvider(T0));
        var settings = harness.Settings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        harness.A = await BotInstance.StartAsync("A", settings, harness.Time, harness.Deliveries, slack.NextSessionAsync);
        harness.B = await BotInstance.StartAsync("B", settings, harness.Time, harness.Deliveries, slack.NextSessionAsync);
        return harness;
    }

    /// <summary>A valid Bot Framework token for the local connector at the current fake time.</summary>
    public string TeamsToken() => Issuer.MintToken(AppId, Connector.ServiceUrl, Time.GetUtcNow());

    /// <summary>
    /// The bot added to the tier, manager and on-call channels (Teams tells the instance that receives it; the conversation references
    /// land in the shared database), and to the 1:1 chats of <see cref="TeamsTestUser.All"/>.
    /// </summary>
    public async Task InstallTeamsAsync()
    {
        var channels = Enumerable.Range(1, 4).Select(RunningTeamsHost.TierChannel).Append(RunningTeamsHost.ManagerChannel).Append(RunningTeamsHost.OnCallChannel).ToList();
        for (var i = 0; i < channels.Count; i++)
        {
            var install = TeamsActivities.Load("conversation-update-channel.json", TeamsValues(TeamsTestUser.Maria, ("channel", channels[i]), ("channelName", channels[i].Split('@')[0][3..])));
            (await Both[i % 2].PostTeamsAsync(install, TeamsToken())).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < TeamsTestUser.All.Count; i++)
        {
            var user = TeamsTestUser.All[i];
            var install = TeamsActivities.Load("conversation-update-personal.json", TeamsValues(user, ("conversationId", user.PersonalConversationId)));
            (await Both[i % 2].PostTeamsAsync(install, TeamsToken())).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A message <paramref name="user"/> types in their 1:1 chat with the bot (a fresh activity id unless given).</summary>
    public JsonObject TeamsPersonalMessage(TeamsTestUser user, string text) =>
        TeamsActivities.Load("message-personal.json", TeamsValues(user, ("conversationId", user.PersonalConversationId), ("text", text)));

    public string NextActivityId() => "18000000" + Interlocked.Increment(ref nextActivity).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A Socket Mode <c>events_api</c> envelope carrying a DM from <paramref name="user"/> (Slack's event id <paramref name="eventId"/>).</summary>
    public string SlackDirectMessageEnvelope(string envelopeId, SlackChatUser user, string text, string eventId) =>
        $$"""{"envelope_id":"{{envelopeId}}","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"payload":{{SlackChatPayloads.DirectMessage(user, text, eventId, NextTs())}}}""";

    public string NextEventId() => "Ev0SCALE" + Interlocked.Increment(ref nextEvent).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Runs the dispatcher on both instances at once until no message is waiting (at most <paramref name="rounds"/> rounds).</summary>
    public async Task DispatchOnBothAsync(int rounds = 10)
    {
        for (var i = 0; i < rounds && await WaitingAsync() > 0; i++)
        {
            await Task.WhenAll(A.Runner.DispatchNowAsync(), B.Runner.DispatchNowAsync(), A.Runner.DispatchNowAsync(), B.Runner.DispatchNowAsync());
        }
    }

    /// <summary>Runs the sweep on both instances at once (twice each, so each instance also races itself across calls).</summary>
    public Task SweepOnBothAsync() =>
        Task.WhenAll(A.Runner.SweepNowAsync(), B.Runner.SweepNowAsync(), A.Runner.SweepNowAsync(), B.Runner.SweepNowAsync());

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.NewContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    public async Task<List<TicketEventRow>> EventsAsync()
    {
        await using var db = Database.NewContext();
        return await db.TicketEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<TicketRow>> TicketsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Tickets.AsNoTracking().OrderBy(t => t.Number).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await Slack.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task<int> WaitingAsync()
    {
        await using var db = Database.NewContext();
        return await db.OutboxMessages.CountAsync(o => o.State == OutboxState.Pending || o.State == OutboxState.Sending);
    }

    private Dictionary<string, string> TeamsValues(TeamsTestUser user, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["id"] = NextActivityId(),
            ["serviceUrl"] = Connector.ServiceUrl,
            ["botId"] = TeamsActivities.BotId,
            ["tenantId"] = TenantId,
            ["teamId"] = RunningTeamsHost.TeamId,
            ["userId"] = user.UserId,
            ["userName"] = user.Name,
            ["aadObjectId"] = user.AadObjectId,
        };
        foreach (var (key, value) in extra) values[key] = value;
        return values;
    }

    private string NextTs() => "1773136800." + Interlocked.Increment(ref nextEvent).ToString("D6", CultureInfo.InvariantCulture);

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Escalation"] = Database.ConnectionString,
            ["Scheduler:Enabled"] = "false",
            ["Local:Enabled"] = "false",
            ["Local:DemoClock"] = "false",
            ["Outbox:Platforms:0"] = "slack",
            ["Outbox:Platforms:1"] = "teams",
            ["Slack:Mode"] = "Socket",
            ["Slack:AppToken"] = "xapp-scale-out",
            ["Slack:BotToken"] = "xoxb-scale-out",
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:ApiRetryBaseDelay"] = "00:00:00",
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "local-secret",
            ["Teams:TenantId"] = TenantId,
            ["Teams:OpenIdMetadataUrl"] = Issuer.MetadataUrl,
            ["Teams:TokenEndpoint"] = Connector.TokenEndpoint,
            ["Teams:AllowedServiceUrlPrefixes:0"] = Connector.ServiceUrl,
            ["Teams:ConnectorRetryBaseDelay"] = "00:00:00",
            ["Policy:ManagerChannel:Slack"] = RunningSlackChatHost.ManagerChannel,
            ["Policy:OnCallChannel:Slack"] = RunningSlackChatHost.OnCallChannel,
            ["Policy:ManagerChannel:Teams"] = RunningTeamsHost.ManagerChannel,
            ["Policy:OnCallChannel:Teams"] = RunningTeamsHost.OnCallChannel,
        };
        for (var i = 0; i < 4; i++)
        {
            settings[$"Policy:Tiers:{i}:Channel:Slack"] = RunningSlackChatHost.TierChannel(i + 1);
            settings[$"Policy:Tiers:{i}:Channel:Teams"] = RunningTeamsHost.TierChannel(i + 1);
        }

        return settings;
    }
}
