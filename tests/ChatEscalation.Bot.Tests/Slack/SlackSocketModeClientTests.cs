using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>The real <see cref="SlackSocketModeClient"/> against <see cref="FakeSlackServer"/> (loopback Kestrel WebSockets).</summary>
public sealed class SlackSocketModeClientTests : IAsyncLifetime
{
    private FakeSlackServer slack = null!;
    private IHost? host;

    private RecordingSlackInbound Inbound => host!.Services.GetRequiredService<RecordingSlackInbound>();

    public async Task InitializeAsync() => slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await slack.DisposeAsync();
    }

    /// <param name="closeTimeout">Slack:SocketCloseTimeout; short by default so disposing a host whose fake never answers the close is quick.</param>
    private async Task StartClientAsync(TimeSpan reconnectBaseDelay, TimeSpan? closeTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Mode"] = "Socket",
            ["Slack:AppToken"] = "xapp-test-token",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:SocketReconnectBaseDelay"] = reconnectBaseDelay.ToString(),
            ["Slack:SocketReconnectMaxDelay"] = (reconnectBaseDelay * 2).ToString(),
            ["Slack:SocketCloseTimeout"] = (closeTimeout ?? TimeSpan.FromMilliseconds(500)).ToString(),
        });
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton(ChatEscalation.Bot.Hosting.Jitter.Shared);
        builder.Services.AddSlackAdapter(builder.Configuration);
        builder.Services.AddSingleton<RecordingSlackInbound>();
        builder.Services.AddSingleton<ISlackInbound>(sp => sp.GetRequiredService<RecordingSlackInbound>());
        host = builder.Build();
        await host.StartAsync();
    }

    private int ConnectionsOpened => slack.Calls.Count(c => c.ApiMethod == "apps.connections.open");

    private static string EventsEnvelope(string id) =>
        $"{{\"envelope_id\":\"{id}\",\"type\":\"events_api\",\"accepts_response_payload\":false,\"retry_attempt\":0,\"payload\":{SlackTestHost.Fixture("event_callback_app_mention.json")}}}";

    [Fact]
    public async Task Envelope_AfterHello_InboundInvokedAndAckedWithEnvelopeId()
    {
        await StartClientAsync(TimeSpan.FromMilliseconds(200));
        var session = await slack.NextSessionAsync();
        await session.SendAsync("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0ESCAL01\"}}");

        await session.SendAsync(EventsEnvelope("57d6a792-4d35-4d0b-b6aa-3361493e1caf"));

        JsonNode.Parse((await session.ReceiveAsync())!)!.ToJsonString().ShouldBe("{\"envelope_id\":\"57d6a792-4d35-4d0b-b6aa-3361493e1caf\"}");
        (await Inbound.NextAsync<SlackEventCallback>()).EventId.ShouldBe("Ev06ABCDEF12");
        var open = slack.Calls.ShouldHaveSingleItem();
        open.ApiMethod.ShouldBe("apps.connections.open");
        open.Authorization.ShouldBe("Bearer xapp-test-token");
    }

    [Fact]
    public async Task Envelope_ViewSubmissionAcceptingPayload_AckCarriesErrors()
    {
        await StartClientAsync(TimeSpan.FromMilliseconds(200));
        var session = await slack.NextSessionAsync();
        await session.SendAsync("{\"type\":\"hello\"}");
        Inbound.Reply = SlackReply.ViewErrors(new Dictionary<string, string> { ["handoff.tried"] = "Too short." });

        await session.SendAsync($"{{\"envelope_id\":\"e-2\",\"type\":\"interactive\",\"accepts_response_payload\":true,\"payload\":{SlackTestHost.Fixture("view_submission.json")}}}");

        var ack = JsonNode.Parse((await session.ReceiveAsync())!)!;
        ack["envelope_id"]!.GetValue<string>().ShouldBe("e-2");
        ack["payload"]!["response_action"]!.GetValue<string>().ShouldBe("errors");
        ack["payload"]!["errors"]!["handoff.tried"]!.GetValue<string>().ShouldBe("Too short.");
    }

    [Fact]
    public async Task Envelope_InboundThrows_NotAckedButConnectionKeepsServing()
    {
        await StartClientAsync(TimeSpan.FromMilliseconds(200));
        var session = await slack.NextSessionAsync();
        Inbound.Failure = new InvalidOperationException("database down");
        await session.SendAsync(EventsEnvelope("first"));
        await Inbound.NextAsync<SlackEventCallback>();

        Inbound.Failure = null;
        await session.SendAsync(EventsEnvelope("second"));

        JsonNode.Parse((await session.ReceiveAsync())!)!["envelope_id"]!.GetValue<string>().ShouldBe("second");
    }

    [Fact]
    public async Task Disconnect_FromSlack_ReconnectsAtOnceWithFreshUrl()
    {
        // A 30 s backoff base: reconnecting within the 10 s wait proves disconnect skips the backoff.
        await StartClientAsync(TimeSpan.FromSeconds(30));
        var first = await slack.NextSessionAsync();
        await first.SendAsync("{\"type\":\"hello\"}");

        await first.SendAsync("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"applink-1\"}}");

        var second = await slack.NextSessionAsync();
        ConnectionsOpened.ShouldBe(2);
        (await first.ReceiveAsync()).ShouldBeNull(); // the client closed the old connection
        await second.SendAsync(EventsEnvelope("after-refresh"));
        JsonNode.Parse((await second.ReceiveAsync())!)!["envelope_id"]!.GetValue<string>().ShouldBe("after-refresh");
    }

    [Fact]
    public async Task Drop_ConnectionLost_ReconnectsAfterBackoff()
    {
        var baseDelay = TimeSpan.FromMilliseconds(400);
        await StartClientAsync(baseDelay);
        var first = await slack.NextSessionAsync();
        await first.SendAsync("{\"type\":\"hello\"}");
        var droppedAt = Stopwatch.GetTimestamp();

        first.Drop();

        var second = await slack.NextSessionAsync();
        var opens = slack.Calls.Where(c => c.ApiMethod == "apps.connections.open").ToList();
        opens.Count.ShouldBe(2);
        var reopen = opens[1];
        Stopwatch.GetElapsedTime(droppedAt, reopen.AtTimestamp).ShouldBeGreaterThanOrEqualTo(baseDelay / 2 - TimeSpan.FromMilliseconds(20));
        await second.SendAsync(EventsEnvelope("after-drop"));
        JsonNode.Parse((await second.ReceiveAsync())!)!["envelope_id"]!.GetValue<string>().ShouldBe("after-drop");
    }

    [Fact]
    public async Task ConnectionsOpen_OkFalse_RetriedAfterBackoff()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":false,\"error\":\"internal_error\"}"));
        await StartClientAsync(TimeSpan.FromMilliseconds(100));

        await slack.NextSessionAsync();

        ConnectionsOpened.ShouldBe(2);
    }

    [Fact]
    public async Task Stop_Host_ClosesSocket()
    {
        // A generous close budget, so only a real drop (not a slow machine) can fail this test.
        await StartClientAsync(TimeSpan.FromMilliseconds(200), closeTimeout: TimeSpan.FromSeconds(15));
        var session = await slack.NextSessionAsync();
        await session.SendAsync("{\"type\":\"hello\"}");
        // An acknowledged envelope proves the client finished connecting and is pumping: a stop that lands while
        // the client is still inside ConnectAsync drops the half-open connection instead (what Slack sees as a drop).
        await session.SendAsync(EventsEnvelope("before-stop"));
        JsonNode.Parse((await session.ReceiveAsync())!)!["envelope_id"]!.GetValue<string>().ShouldBe("before-stop");

        var received = session.ReceiveAsync();

        await host!.StopAsync();

        (await received).ShouldBeNull();
        session.CloseStatus.ShouldBe(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure);
    }
}
