using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Bot.Tests.Teams;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Tests;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.ScaleOut;

/// <summary>
/// Several instances on one PostgreSQL (issue 16): traffic to both instances of <see cref="ScaleOutHarness"/> through Slack Socket Mode
/// (each instance its own connection) and Teams HTTP, duplicates sent to both at once, then both dispatchers at once.
/// </summary>
public sealed class ScaleOutTrafficTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ScaleOutHarness h = null!;

    public async Task InitializeAsync()
    {
        if (PostgresCluster.FindBinaries() is not null) h = await ScaleOutHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:AtIntake"] = "false", // the cards go out with the raise: this test is about delivery across instances
        });
    }

    public async Task DisposeAsync()
    {
        if (h is not null) await h.DisposeAsync();
    }

    [PostgresFact]
    public async Task TrafficToBothInstances_DuplicatesOnce_EachEnvelopeAckedOnceByItsOwnInstance_EachMessageDeliveredOnce()
    {
        await h.InstallTeamsAsync();

        // Slack, over both Socket Mode connections; the same event (one event id) reaches both instances at once, as a redelivery can.
        var duplicateEvent = h.NextEventId();
        var onA = new[]
        {
            ("a-1", h.SlackDirectMessageEnvelope("a-1", SlackChatUser.Uma, "ticket VPN drops every 10 minutes", h.NextEventId())),
            ("a-dup", h.SlackDirectMessageEnvelope("a-dup", SlackChatUser.Carol, "ticket Monitor flickers all day", duplicateEvent)),
        };
        var onB = new[]
        {
            ("b-1", h.SlackDirectMessageEnvelope("b-1", SlackChatUser.Bob, "ticket Printer on floor 2 is jammed", h.NextEventId())),
            ("b-dup", h.SlackDirectMessageEnvelope("b-dup", SlackChatUser.Carol, "ticket Monitor flickers all day", duplicateEvent)),
        };
        await Task.WhenAll(onA.Select(e => h.A.Socket.SendAsync(e.Item2)).Concat(onB.Select(e => h.B.Socket.SendAsync(e.Item2))));
        var acksA = await ReceiveAcksAsync(h.A.Socket, onA.Length);
        var acksB = await ReceiveAcksAsync(h.B.Socket, onB.Length);

        // Teams, over HTTP to both instances; one activity (one id) posted to both at once.
        var token = h.TeamsToken();
        (await h.A.PostTeamsAsync(h.TeamsPersonalMessage(TeamsTestUser.Uma, "ticket Outlook keeps crashing"), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await h.B.PostTeamsAsync(h.TeamsPersonalMessage(TeamsTestUser.Alice, "ticket Calls drop in every meeting"), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var twice = h.TeamsPersonalMessage(TeamsTestUser.Bob, "ticket Keyboard types double letters");
        var both = await Task.WhenAll(h.A.PostTeamsAsync(twice, token), h.B.PostTeamsAsync(twice.DeepClone(), token));
        both.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        // Every envelope acknowledged once, by the instance whose connection carried it, and nothing more on either connection.
        acksA.ShouldBe(onA.Select(e => e.Item1), ignoreOrder: true);
        acksB.ShouldBe(onB.Select(e => e.Item1), ignoreOrder: true);
        await ProbeAsync(h.A.Socket, "probe-a");
        await ProbeAsync(h.B.Socket, "probe-b");

        // Six distinct reports, each raised once although two of them reached both instances.
        var tickets = await WaitForTicketsAsync(6);
        tickets.Select(t => t.ReporterKey).OrderBy(k => k).ShouldBe(["alice@demo.local", "bob@demo.local", "bob@demo.local", "carol@demo.local", "uma@demo.local", "uma@demo.local"]);
        (await h.EventsAsync()).Count(e => e.Kind == Core.Events.EventKind.Raised).ShouldBe(6);

        // Both dispatchers at once: every outbox message delivered exactly once, by one instance or the other. (Rows for the
        // emulator, whose channel ids the demo policy keeps, are skipped: it is off.)
        await h.DispatchOnBothAsync();
        var outbox = (await h.OutboxAsync()).Where(o => o.Platform != "local").ToList();
        outbox.Count.ShouldBeGreaterThanOrEqualTo(12); // at least the Tier 1 card of each ticket on Slack and on Teams
        outbox.Where(o => o.State != OutboxState.Sent).Select(o => $"{o.Id} {o.Platform} {o.Audience} {o.State} {o.LastError}").ShouldBeEmpty();
        var deliveries = h.Deliveries.Entries;
        deliveries.GroupBy(d => d.OutboxId).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()} by {string.Join("+", g.Select(d => d.Host))}")
            .ShouldBeEmpty("outbox messages delivered more than once");
        deliveries.Select(d => d.OutboxId).Order().ShouldBe(outbox.Select(o => o.Id));

        // On the platforms: one Tier 1 card per ticket in each of Slack and Teams.
        h.Slack.Calls.Count(c => c.Method == "chat.postMessage" && c["channel"] == RunningSlackChatHost.TierChannel(1)).ShouldBe(6);
        h.Connector.ConnectorRequests.Count(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"
            && JsonNode.Parse(r.Body)?["channelData"]?["channel"]?["id"]?.GetValue<string>() == RunningTeamsHost.TierChannel(1)).ShouldBe(6);
        output.WriteLine($"{outbox.Count} outbox messages: {deliveries.Count(d => d.Host == "A")} delivered by A, {deliveries.Count(d => d.Host == "B")} by B");
    }

    private static async Task<List<string>> ReceiveAcksAsync(Slack.FakeSocketSession socket, int count)
    {
        var acks = new List<string>();
        for (var i = 0; i < count; i++)
        {
            acks.Add(JsonNode.Parse((await socket.ReceiveAsync())!)!["envelope_id"]!.GetValue<string>());
        }

        return acks;
    }

    /// <summary>An envelope of a type the bot does not handle is acknowledged at once: the next frame must be its ack, not a stray one.</summary>
    private static async Task ProbeAsync(Slack.FakeSocketSession socket, string envelopeId)
    {
        await socket.SendAsync($$"""{"envelope_id":"{{envelopeId}}","type":"unknown_probe","payload":{},"accepts_response_payload":false}""");
        JsonNode.Parse((await socket.ReceiveAsync())!)!["envelope_id"]!.GetValue<string>().ShouldBe(envelopeId);
    }

    /// <summary>Slack events are acknowledged first and handled right after: waits (10 s) until <paramref name="count"/> tickets exist, then 0.5 s more for strays.</summary>
    private async Task<List<TicketRow>> WaitForTicketsAsync(int count)
    {
        for (var i = 0; i < 100 && (await h.TicketsAsync()).Count < count; i++) await Task.Delay(100);
        await Task.Delay(500);
        return await h.TicketsAsync();
    }
}
