using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed class ActivityTests
{
    private const string ChannelMessage = """
        {
          "type": "message", "id": "1700000000001", "timestamp": "2025-05-01T10:00:00.123Z",
          "serviceUrl": "https://smba.trafficmanager.net/emea/", "channelId": "msteams",
          "from": { "id": "29:ada", "name": "Ada", "aadObjectId": "aad-ada", "futureField": 1 },
          "recipient": { "id": "28:bot-app", "name": "Escalation" },
          "conversation": { "id": "19:chan@thread.tacv2;messageid=1700000000000", "conversationType": "channel", "tenantId": "conv-tenant", "isGroup": true },
          "text": "<at>Escalation</at> raise   P1 <at>Grace</at>",
          "entities": [
            { "type": "mention", "text": "<at>Escalation</at>", "mentioned": { "id": "28:bot-app", "name": "Escalation" } },
            { "type": "mention", "text": "<at>Grace</at>", "mentioned": { "id": "29:grace", "name": "Grace" } },
            { "type": "clientInfo", "locale": "en-GB" }
          ],
          "channelData": { "tenant": { "id": "tenant-1" }, "team": { "id": "19:team@thread.tacv2", "name": "IT" },
                           "channel": { "id": "19:chan@thread.tacv2", "name": "Escalations" }, "eventType": "editMessage" },
          "locale": "en-GB",
          "brandNewTopLevel": { "x": [1, 2] }
        }
        """;

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;

    [Fact]
    public void Deserialize_UnknownMembers_AreKeptAndReEmitted()
    {
        var activity = Parse(ChannelMessage);

        activity.Extra!.Keys.ShouldBe(["locale", "brandNewTopLevel"], ignoreOrder: true);
        activity.From!.Extra!.ShouldContainKey("futureField");
        var roundTrip = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJson.Options))!;
        roundTrip["brandNewTopLevel"]!["x"]![1]!.GetValue<int>().ShouldBe(2);
        roundTrip["value"].ShouldBeNull();
    }

    [Fact]
    public void Deserialize_TeamsChannelMessage_ReadsCoreFields()
    {
        var activity = Parse(ChannelMessage);

        activity.Type.ShouldBe("message");
        activity.Timestamp.ShouldBe(new DateTimeOffset(2025, 5, 1, 10, 0, 0, 123, TimeSpan.Zero));
        activity.Conversation!.ConversationType.ShouldBe("channel");
        activity.Conversation.IsGroup.ShouldBe(true);
        activity.From!.AadObjectId.ShouldBe("aad-ada");
        activity.IsInvoke.ShouldBeFalse();
    }

    [Fact]
    public void TeamsChannelDataFrom_ChannelMessage_ReadsTenantTeamChannelAndEventType()
    {
        var data = TeamsChannelData.From(Parse(ChannelMessage));

        data.ShouldBe(new TeamsChannelData("tenant-1", "19:team@thread.tacv2", "IT", "19:chan@thread.tacv2", "Escalations", "editMessage"));
    }

    [Fact]
    public void TeamsChannelDataFrom_MissingOrOddShapes_ReadsNulls()
    {
        TeamsChannelData.From(JsonNode.Parse("""{"tenant":"not-an-object","team":{"id":5}}""")).ShouldBe(new TeamsChannelData(null, null, null, null, null, null));
        TeamsChannelData.From((JsonNode?)null).TenantId.ShouldBeNull();
    }

    [Fact]
    public void ConversationReferenceFromActivity_ChannelMessage_PrefersChannelDataTenant()
    {
        var reference = ConversationReference.FromActivity(Parse(ChannelMessage));

        reference.ShouldBe(new ConversationReference(
            "https://smba.trafficmanager.net/emea/", "19:chan@thread.tacv2;messageid=1700000000000", "tenant-1",
            "28:bot-app", "29:ada", "aad-ada", "msteams", "1700000000001"));
    }

    [Fact]
    public void ConversationReferenceFromActivity_NoServiceUrl_ReturnsNull()
    {
        var activity = Parse(ChannelMessage);
        activity.ServiceUrl = null;

        ConversationReference.FromActivity(activity).ShouldBeNull();
    }

    [Fact]
    public void StripBotMention_BotAndUserMentioned_RemovesOnlyTheBot()
    {
        MentionText.StripBotMention(Parse(ChannelMessage)).ShouldBe("raise P1 <at>Grace</at>");
    }

    [Fact]
    public void StripBotMention_NoMentionEntities_ReturnsTrimmedText()
    {
        MentionText.StripBotMention(new Activity { Text = "  ack T-12 " }).ShouldBe("ack T-12");
        MentionText.StripBotMention(new Activity()).ShouldBe("");
    }

    [Fact]
    public void InvokeResponseHelpers_ProduceUniversalActionsShapes()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard" };

        var cardReply = InvokeResponse.AdaptiveCard(card);
        cardReply.Status.ShouldBe(200);
        cardReply.Body!.ToJsonString().ShouldBe("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}""");
        InvokeResponse.Message("Accepted").Body!.ToJsonString().ShouldBe("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Accepted"}""");
        var error = InvokeResponse.Error(400, "Ticket already closed");
        error.Status.ShouldBe(400);
        error.Body!.ToJsonString().ShouldBe("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"400","message":"Ticket already closed"}}""");
    }
}
