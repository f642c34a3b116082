using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed partial class TeamsConnectorClientTests : IAsyncLifetime
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1700000000000";
    private LocalTeamsConnector fake = null!;
    private ServiceProvider services = null!;
    private readonly FakeTimeProvider time = new(TeamsTestHost.T0);

    private ITeamsConnector Connector => services.GetRequiredService<ITeamsConnector>();

    public async Task InitializeAsync()
    {
        fake = await LocalTeamsConnector.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(TeamsTestHost.Settings(TeamsTestHost.AppId, null, fake)).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddTeamsAdapter(config)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversation_FirstCall_RequestsClientCredentialsToken()
    {
        await Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        var tokenRequest = fake.TokenRequests.ShouldHaveSingleItem();
        tokenRequest.Method.ShouldBe("POST");
        tokenRequest.ContentType!.ShouldStartWith("application/x-www-form-urlencoded");
        var form = System.Web.HttpUtility.ParseQueryString(tokenRequest.Body);
        form["grant_type"].ShouldBe("client_credentials");
        form["client_id"].ShouldBe(TeamsTestHost.AppId);
        form["client_secret"].ShouldBe("s3cret/+&=");
        form["scope"].ShouldBe("https://api.botframework.com/.default");
        fake.ConnectorRequests.Single().Authorization.ShouldBe("Bearer token-1");
    }

    [Fact]
    public async Task SendToConversation_SeveralSends_UseOneCachedToken()
    {
        for (var i = 0; i < 3; i++) await Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        fake.TokenRequests.Count.ShouldBe(1);
        fake.ConnectorRequests.ShouldAllBe(r => r.Authorization == "Bearer token-1");
    }

    [Fact]
    public async Task SendToConversation_ConcurrentFirstSends_ShareOneTokenRequest()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"))));

        fake.TokenRequests.Count.ShouldBe(1);
        fake.ConnectorRequests.Count.ShouldBe(8);
    }

    [Fact]
    public async Task SendToConversation_TokenNearExpiry_RenewsToken()
    {
        await Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));
        time.Advance(TimeSpan.FromMinutes(54));
        await Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));
        fake.TokenRequests.Count.ShouldBe(1);

        time.Advance(TimeSpan.FromMinutes(2));
        await Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        fake.TokenRequests.Count.ShouldBe(2);
        fake.ConnectorRequests[^1].Authorization.ShouldBe("Bearer token-2");
    }

    [Fact]
    public async Task SendToConversation_Connector401_RefreshesTokenOnceAndResends()
    {
        fake.Enqueue(new ScriptedResponse(401, """{"error":{"code":"BotNotRegistered"}}"""), new ScriptedResponse(200, """{"id":"act-9"}"""));

        var id = await Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        id.ShouldBe("act-9");
        fake.TokenRequests.Count.ShouldBe(2);
        fake.ConnectorRequests.Select(r => r.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
    }

    [Fact]
    public async Task SendToConversation_Connector401Twice_ThrowsWithoutThirdAttempt()
    {
        fake.Enqueue(new ScriptedResponse(401), new ScriptedResponse(401, """{"error":{"code":"BotNotRegistered"}}"""));

        var ex = await Should.ThrowAsync<TeamsConnectorException>(() => Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));

        ex.Status.ShouldBe(HttpStatusCode.Unauthorized);
        ex.ErrorCode.ShouldBe("BotNotRegistered");
        fake.ConnectorRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task CreateChannelConversation_PostsConversationParameters()
    {
        fake.Enqueue(new ScriptedResponse(201, """{"id":"19:abc@thread.tacv2;messageid=42","activityId":"42"}"""));
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

        var created = await Connector.CreateChannelConversationAsync(fake.ServiceUrl, "tenant-1", "19:abc@thread.tacv2", Activity.CardMessage(card));

        created.ShouldBe(new ChannelConversation("19:abc@thread.tacv2;messageid=42", "42"));
        var request = fake.ConnectorRequests.Single();
        request.Method.ShouldBe("POST");
        request.RawTarget.ShouldBe("/v3/conversations");
        request.ContentType!.ShouldStartWith("application/json");
        var body = JsonNode.Parse(request.Body)!;
        body["isGroup"]!.GetValue<bool>().ShouldBeTrue();
        body["tenantId"]!.GetValue<string>().ShouldBe("tenant-1");
        body["channelData"]!["channel"]!["id"]!.GetValue<string>().ShouldBe("19:abc@thread.tacv2");
        body["channelData"]!["tenant"]!["id"]!.GetValue<string>().ShouldBe("tenant-1");
        body["activity"]!["type"]!.GetValue<string>().ShouldBe("message");
        body["activity"]!["attachments"]![0]!["contentType"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        body["activity"]!["attachments"]![0]!["content"]!["version"]!.GetValue<string>().ShouldBe("1.5");
    }

    [Fact]
    public async Task CreatePersonalConversation_PostsBotMemberAndTenant()
    {
        fake.Enqueue(new ScriptedResponse(200, """{"id":"a:personal-7"}"""));

        var id = await Connector.CreatePersonalConversationAsync(fake.ServiceUrl, "tenant-1", "28:bot", "29:user");

        id.ShouldBe("a:personal-7");
        var body = JsonNode.Parse(fake.ConnectorRequests.Single().Body)!;
        body["isGroup"]!.GetValue<bool>().ShouldBeFalse();
        body["bot"]!["id"]!.GetValue<string>().ShouldBe("28:bot");
        body["members"]![0]!["id"]!.GetValue<string>().ShouldBe("29:user");
        body["channelData"]!["tenant"]!["id"]!.GetValue<string>().ShouldBe("tenant-1");
    }
}
