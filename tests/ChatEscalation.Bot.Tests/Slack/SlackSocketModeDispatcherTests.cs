using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackSocketModeDispatcherTests
{
    private readonly RecordingSlackInbound inbound = new();
    private readonly SlackSocketModeDispatcher dispatcher;

    public SlackSocketModeDispatcherTests()
    {
        var services = new ServiceCollection().AddSingleton<ISlackInbound>(inbound).BuildServiceProvider();
        dispatcher = new SlackSocketModeDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<SlackSocketModeDispatcher>.Instance);
    }

    private static string Envelope(string type, string payload, bool accepts = false, string id = "env-1") =>
        $"{{\"envelope_id\":\"{id}\",\"type\":\"{type}\",\"payload\":{payload},\"accepts_response_payload\":{(accepts ? "true" : "false")},\"retry_attempt\":1,\"retry_reason\":\"timeout\"}}";

    [Fact]
    public void Classify_Hello_Hello() =>
        SlackSocketModeDispatcher.Classify("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}").Kind.ShouldBe(SlackSocketMessageKind.Hello);

    [Fact]
    public void Classify_Disconnect_CarriesReason()
    {
        var m = SlackSocketModeDispatcher.Classify("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"x\"}}");
        m.Kind.ShouldBe(SlackSocketMessageKind.Disconnect);
        m.DisconnectReason.ShouldBe("refresh_requested");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"events_api\"}")]
    public void Classify_NoEnvelopeId_Unknown(string frame) =>
        SlackSocketModeDispatcher.Classify(frame).Kind.ShouldBe(SlackSocketMessageKind.Unknown);

    [Fact]
    public async Task DispatchAsync_EventsApi_InboundGetsCallbackWithRetryAndAckIsBare()
    {
        inbound.Reply = SlackReply.Json(new JsonObject { ["ignored"] = true });
        var m = SlackSocketModeDispatcher.Classify(Envelope("events_api", SlackTestHost.Fixture("event_callback_app_mention.json")));

        var ack = await dispatcher.DispatchAsync(m, CancellationToken.None);

        ack.ShouldBe("{\"envelope_id\":\"env-1\"}");
        var callback = inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackEventCallback>();
        callback.EventId.ShouldBe("Ev06ABCDEF12");
        callback.RetryNum.ShouldBe(1);
        callback.RetryReason.ShouldBe("timeout");
    }

    [Fact]
    public async Task DispatchAsync_SlashCommandAcceptingPayload_AckCarriesEphemeralReply()
    {
        inbound.Reply = SlackReply.Ephemeral("Raised INC-000042");
        var payload = "{\"command\":\"/ticket\",\"text\":\"VPN drops\",\"user_id\":\"U1\",\"channel_id\":\"C1\",\"trigger_id\":\"t1\",\"is_enterprise_install\":\"false\"}";

        var ack = await dispatcher.DispatchAsync(SlackSocketModeDispatcher.Classify(Envelope("slash_commands", payload, accepts: true)), CancellationToken.None);

        var json = JsonNode.Parse(ack!)!;
        json["envelope_id"]!.GetValue<string>().ShouldBe("env-1");
        json["payload"]!["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        json["payload"]!["text"]!.GetValue<string>().ShouldBe("Raised INC-000042");
        var command = inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackSlashCommand>();
        command.Command.ShouldBe("/ticket");
        command.Text.ShouldBe("VPN drops");
        command.TriggerId.ShouldBe("t1");
    }

    [Fact]
    public async Task DispatchAsync_TextReplyAcceptingPayload_PayloadIsTextObject()
    {
        inbound.Reply = SlackReply.PlainText("Usage: /ticket <what>");
        var ack = await dispatcher.DispatchAsync(SlackSocketModeDispatcher.Classify(Envelope("slash_commands", "{\"command\":\"/ticket\"}", accepts: true)), CancellationToken.None);
        JsonNode.Parse(ack!)!["payload"]!["text"]!.GetValue<string>().ShouldBe("Usage: /ticket <what>");
    }

    [Fact]
    public async Task DispatchAsync_ReplyBodyButPayloadNotAccepted_BareAck()
    {
        inbound.Reply = SlackReply.ViewErrors(new Dictionary<string, string> { ["b"] = "m" });
        var ack = await dispatcher.DispatchAsync(SlackSocketModeDispatcher.Classify(Envelope("interactive", SlackTestHost.Fixture("view_submission.json"))), CancellationToken.None);
        ack.ShouldBe("{\"envelope_id\":\"env-1\"}");
        inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackInteraction>().View!.CallbackId.ShouldBe("ticket.escalate.modal");
    }

    [Fact]
    public async Task DispatchAsync_UnreadablePayload_AckedWithoutInbound()
    {
        var ack = await dispatcher.DispatchAsync(SlackSocketModeDispatcher.Classify(Envelope("interactive", "{\"user\":{}}")), CancellationToken.None);
        ack.ShouldBe("{\"envelope_id\":\"env-1\"}");
        inbound.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task DispatchAsync_InboundThrows_NoAckSoSlackRedelivers()
    {
        inbound.Failure = new InvalidOperationException("database down");
        var ack = await dispatcher.DispatchAsync(SlackSocketModeDispatcher.Classify(Envelope("events_api", SlackTestHost.Fixture("event_callback_app_mention.json"))), CancellationToken.None);
        ack.ShouldBeNull();
    }

    [Fact]
    public async Task DispatchAsync_UnknownEnvelopeType_AckedWithoutInbound()
    {
        var ack = await dispatcher.DispatchAsync(SlackSocketModeDispatcher.Classify(Envelope("future_thing", "{}")), CancellationToken.None);
        ack.ShouldBe("{\"envelope_id\":\"env-1\"}");
        inbound.Calls.ShouldBeEmpty();
    }
}
