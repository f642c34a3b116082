using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed partial class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlackServer slack = null!;
    private ServiceProvider services = null!;

    private ISlackApi Api => services.GetRequiredService<ISlackApi>();

    public async Task InitializeAsync()
    {
        slack = await FakeSlackServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:AppToken"] = "xapp-test-token",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:ApiRetryBaseDelay"] = "00:00:00",
        }).Build();
        services = new ServiceCollection().AddLogging().AddSlackAdapter(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await slack.DisposeAsync();
    }

    private static JsonNode Json(RecordedSlackCall call) => JsonNode.Parse(call.Body)!;

    private static void ShouldBeJsonPostWithBotToken(RecordedSlackCall call, string method)
    {
        call.HttpMethod.ShouldBe("POST");
        call.ApiMethod.ShouldBe(method);
        call.Authorization.ShouldBe("Bearer xoxb-test-token");
        call.ContentType.ShouldBe("application/json; charset=utf-8");
    }

    [Fact]
    public async Task PostMessageAsync_InThreadWithBlocks_PostsJsonAndReturnsChannelAndTs()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*INC-000042*" } });

        var posted = await Api.PostMessageAsync("C0TIER1Q", "INC-000042 raised", blocks, "1712345500.000100");

        posted.ShouldBe(new SlackPostedMessage("C0TIER1Q", "1712345678.001200"));
        var call = slack.Calls.ShouldHaveSingleItem();
        ShouldBeJsonPostWithBotToken(call, "chat.postMessage");
        var body = Json(call);
        body["channel"]!.GetValue<string>().ShouldBe("C0TIER1Q");
        body["text"]!.GetValue<string>().ShouldBe("INC-000042 raised");
        body["thread_ts"]!.GetValue<string>().ShouldBe("1712345500.000100");
        body["blocks"]![0]!["text"]!["text"]!.GetValue<string>().ShouldBe("*INC-000042*");
        blocks.Parent.ShouldBeNull(); // the caller's blocks are copied, not adopted
    }

    [Fact]
    public async Task PostMessageAsync_NoBlocksNoThread_OmitsThem()
    {
        await Api.PostMessageAsync("D0DM", "hello");
        var body = Json(slack.Calls.ShouldHaveSingleItem()).AsObject();
        body.ContainsKey("blocks").ShouldBeFalse();
        body.ContainsKey("thread_ts").ShouldBeFalse();
    }

    [Fact]
    public async Task UpdateMessageAsync_SendsChannelTsTextBlocks()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"channel\":\"C0TIER1Q\",\"ts\":\"1712345678.001200\",\"text\":\"x\"}"));
        var updated = await Api.UpdateMessageAsync("C0TIER1Q", "1712345678.001200", "Accepted by Dana", new JsonArray());
        updated.Ts.ShouldBe("1712345678.001200");
        var call = slack.Calls.ShouldHaveSingleItem();
        ShouldBeJsonPostWithBotToken(call, "chat.update");
        var body = Json(call);
        body["channel"]!.GetValue<string>().ShouldBe("C0TIER1Q");
        body["ts"]!.GetValue<string>().ShouldBe("1712345678.001200");
        body["text"]!.GetValue<string>().ShouldBe("Accepted by Dana");
        body["blocks"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task PostEphemeralAsync_SendsUserAndReturnsMessageTs()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"message_ts\":\"1712345999.000100\"}"));
        (await Api.PostEphemeralAsync("C0HELPDESK", "U0USER0042", "Only you can see this")).ShouldBe("1712345999.000100");
        var call = slack.Calls.ShouldHaveSingleItem();
        ShouldBeJsonPostWithBotToken(call, "chat.postEphemeral");
        Json(call)["user"]!.GetValue<string>().ShouldBe("U0USER0042");
    }

    [Fact]
    public async Task OpenViewAsync_SendsTriggerAndViewAndReturnsViewId()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"view\":{\"id\":\"V0HANDOFF1\",\"type\":\"modal\"}}"));
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "ticket.escalate.modal" };
        (await Api.OpenViewAsync("7012345678901.1.abc", view)).ShouldBe("V0HANDOFF1");
        var call = slack.Calls.ShouldHaveSingleItem();
        ShouldBeJsonPostWithBotToken(call, "views.open");
        Json(call)["trigger_id"]!.GetValue<string>().ShouldBe("7012345678901.1.abc");
        Json(call)["view"]!["callback_id"]!.GetValue<string>().ShouldBe("ticket.escalate.modal");
    }

    [Fact]
    public async Task OpenConversationAsync_SendsUsersAndReturnsDmChannel()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"channel\":{\"id\":\"D0DM00042\"}}"));
        (await Api.OpenConversationAsync("U0USER0042")).ShouldBe("D0DM00042");
        var call = slack.Calls.ShouldHaveSingleItem();
        ShouldBeJsonPostWithBotToken(call, "conversations.open");
        Json(call)["users"]!.GetValue<string>().ShouldBe("U0USER0042");
    }

    [Fact]
    public async Task GetUserAsync_ReadsProfileNameAndEmail()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"user\":{\"id\":\"U0USER0042\",\"name\":\"sam\",\"real_name\":\"Sam Old\",\"profile\":{\"real_name\":\"Sam Rivera\",\"display_name\":\"sam\",\"email\":\"sam@acme.example\"}}}"));
        (await Api.GetUserAsync("U0USER0042")).ShouldBe(new SlackUserInfo("U0USER0042", "Sam Rivera", "sam@acme.example"));
        var call = slack.Calls.ShouldHaveSingleItem();
        call.HttpMethod.ShouldBe("GET");
        call.ApiMethod.ShouldBe("users.info");
        call.Query.ShouldBe("?user=U0USER0042");
        call.Authorization.ShouldBe("Bearer xoxb-test-token");
    }

    [Fact]
    public async Task GetUserAsync_NoEmailScope_EmailNull()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"bot\",\"profile\":{\"real_name\":\"\",\"display_name\":\"Desk Bot\"}}}"));
        (await Api.GetUserAsync("U1")).ShouldBe(new SlackUserInfo("U1", "Desk Bot", null));
    }

    [Fact]
    public async Task LookupUserByEmailAsync_Found_ReturnsIdWithEscapedQuery()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"user\":{\"id\":\"U0USER0042\",\"profile\":{\"real_name\":\"Sam Vpn\"}}}"));
        (await Api.LookupUserByEmailAsync("sam+vpn@acme.example")).ShouldBe(new SlackUserInfo("U0USER0042", "Sam Vpn", "sam+vpn@acme.example"));
        var call = slack.Calls.ShouldHaveSingleItem();
        call.ApiMethod.ShouldBe("users.lookupByEmail");
        call.Query.ShouldBe("?email=sam%2Bvpn%40acme.example");
    }

    [Fact]
    public async Task LookupUserByEmailAsync_UsersNotFound_Null()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":false,\"error\":\"users_not_found\"}"));
        (await Api.LookupUserByEmailAsync("nobody@acme.example")).ShouldBeNull();
    }

    [Fact]
    public async Task AuthTestAsync_ReturnsBotIdentity()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"escal\",\"team_id\":\"T0DESK001\",\"user_id\":\"U0ESCALBOT\",\"bot_id\":\"B0ESCALBOT\"}"));
        (await Api.AuthTestAsync()).ShouldBe(new SlackAuthIdentity("U0ESCALBOT", "B0ESCALBOT", "T0DESK001"));
        var call = slack.Calls.ShouldHaveSingleItem();
        call.ApiMethod.ShouldBe("auth.test");
        call.Authorization.ShouldBe("Bearer xoxb-test-token");
    }

    [Fact]
    public async Task OpenSocketConnectionAsync_UsesAppTokenAndReturnsUrl()
    {
        var url = await Api.OpenSocketConnectionAsync();
        url.Scheme.ShouldBe("ws");
        url.AbsolutePath.ShouldBe("/link/");
        var call = slack.Calls.ShouldHaveSingleItem();
        call.HttpMethod.ShouldBe("POST");
        call.ApiMethod.ShouldBe("apps.connections.open");
        call.Authorization.ShouldBe("Bearer xapp-test-token");
    }
}
