using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed partial class TeamsConnectorClientTests
{
    [Fact]
    public async Task UpdateActivity_PutsFullActivityToEncodedPath()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard" };

        await Connector.UpdateActivityAsync(fake.ServiceUrl, ChannelThread, "1700000000000", Activity.CardMessage(card));

        var request = fake.ConnectorRequests.Single();
        request.Method.ShouldBe("PUT");
        request.RawTarget.ShouldBe("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1700000000000");
        var body = JsonNode.Parse(request.Body)!;
        body["id"]!.GetValue<string>().ShouldBe("1700000000000");
        body["type"]!.GetValue<string>().ShouldBe("message");
        body["attachments"]![0]!["content"]!["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
    }

    [Fact]
    public async Task ReplyToActivity_PostsToEncodedPathWithReplyToId()
    {
        fake.Enqueue(new ScriptedResponse(200, """{"id":"reply-1"}"""));

        var id = await Connector.ReplyToActivityAsync(fake.ServiceUrl, ChannelThread, "1700000000000", Activity.TextMessage("noted"));

        id.ShouldBe("reply-1");
        var request = fake.ConnectorRequests.Single();
        request.Method.ShouldBe("POST");
        request.RawTarget.ShouldBe("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1700000000000");
        JsonNode.Parse(request.Body)!["replyToId"]!.GetValue<string>().ShouldBe("1700000000000");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendToConversation_ServiceUrlWithOrWithoutTrailingSlash_JoinsOneSlash(bool trailingSlash)
    {
        var serviceUrl = trailingSlash ? fake.ServiceUrl : fake.ServiceUrl.TrimEnd('/');

        await Connector.SendToConversationAsync(serviceUrl, "a:1", Activity.TextMessage("hi"));

        fake.ConnectorRequests.Single().RawTarget.ShouldBe("/v3/conversations/a%3A1/activities");
    }

    [Fact]
    public async Task GetMember_ReadsTeamsChannelAccount()
    {
        fake.Enqueue(new ScriptedResponse(200, """{"id":"29:u","name":"Ada","email":"ada@x.test","userPrincipalName":"ada@x.test","aadObjectId":"aad-1","tenantId":"t","userRole":"user"}"""));

        var member = await Connector.GetMemberAsync(fake.ServiceUrl, "a:1", "29:u");

        member.ShouldBe(new TeamsMember("29:u", "Ada", "ada@x.test", "ada@x.test", "aad-1"));
        var request = fake.ConnectorRequests.Single();
        request.Method.ShouldBe("GET");
        request.RawTarget.ShouldBe("/v3/conversations/a%3A1/members/29%3Au");
    }
}
