using System.Text.Json.Nodes;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed class TeamsSenderTests : IAsyncLifetime
{
    private const string Tier1Channel = "19:tier1@thread.tacv2";
    private LocalTeamsConnector connector = null!;
    private ServiceProvider services = null!;
    private readonly InMemoryTeamsDirectory directory = new();

    public async Task InitializeAsync()
    {
        connector = await LocalTeamsConnector.StartAsync();
        var settings = TeamsTestHost.Settings(TeamsTestHost.AppId, null, connector);
        settings["Teams:TenantId"] = "tenant-1";
        settings["Teams:PublicBaseUrl"] = "https://desk.example.com";
        settings["Teams:ConnectorMaxRetries"] = "0";
        services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddTeamsAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        directory.Conversations[Tier1Channel] = new ConversationReference(connector.ServiceUrl, Tier1Channel, "tenant-1", "28:bot", null, null, "msteams", null);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    private TeamsSender Sender() => new(services.GetRequiredService<ITeamsConnector>(), directory,
        new FixedPolicyProvider(LocalFixtures.Policy), services.GetRequiredService<IOptions<TeamsOptions>>());

    private static Delivery DeliveryOf(NotificationKind kind, Audience to, string? channel, CardRef? existing, string text = "Card", IReadOnlyList<string>? actions = null)
    {
        var policy = LocalFixtures.Policy;
        var now = TeamsTestHost.T0;
        var reporter = new UserRef("rita@example.com", "Rita");
        var ticket = EscalationEngine.Raise(new RaiseTicket(reporter, "teams", "VPN drops every 10 minutes"), 42, policy, now).Decision!.Ticket;
        var view = TicketViews.Card(ticket, policy, now);
        return new Delivery(7, "teams", kind, to, text, actions ?? [], false, ticket, view, channel, existing);
    }

    [Fact]
    public async Task DeliverAsync_CardFirstTime_PostsNewConversationToTierChannel()
    {
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, null), default);

        var request = connector.ConnectorRequests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.RawTarget.ShouldEndWith("/v3/conversations");
        var body = JsonNode.Parse(request.Body)!;
        body["channelData"]!["channel"]!["id"]!.GetValue<string>().ShouldBe(Tier1Channel);
        body["activity"]!["attachments"]![0]!["content"]!["version"]!.GetValue<string>().ShouldBe("1.5");
        var sent = result.ShouldBeOfType<DeliveryResult.Sent>();
        sent.Card.ShouldNotBeNull().ChannelId.ShouldBe(Tier1Channel);
        sent.Card.ServiceUrl.ShouldBe(connector.ServiceUrl);
    }

    [Fact]
    public async Task DeliverAsync_CardExisting_PutsUpdateInPlace()
    {
        var existing = new CardRef(Tier1Channel, "act-9", "19:tier1@thread.tacv2;messageid=act-9", connector.ServiceUrl);
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, existing), default);

        var request = connector.ConnectorRequests.ShouldHaveSingleItem();
        request.Method.ShouldBe("PUT");
        request.RawTarget.ShouldEndWith("/activities/act-9");
        result.ShouldBeOfType<DeliveryResult.Sent>().Card.ShouldBe(existing);
    }

    [Fact]
    public async Task DeliverAsync_ThreadUpdate_RepliesInCardThread()
    {
        var existing = new CardRef(Tier1Channel, "act-9", "19:tier1@thread.tacv2;messageid=act-9", connector.ServiceUrl);
        await Sender().DeliverAsync(DeliveryOf(NotificationKind.ThreadUpdate, Audience.Queue(1), Tier1Channel, existing, "Accepted by Alice"), default);

        var request = connector.ConnectorRequests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.RawTarget.ShouldEndWith("/activities/act-9");
        request.Body.ShouldContain("Accepted by Alice");
    }

    [Fact]
    public async Task DeliverAsync_DirectToUnknownPerson_SkippedWithoutCalls()
    {
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Direct, Audience.To(new UserRef("nobody@example.com", "N")), null, null), default);

        result.ShouldBeOfType<DeliveryResult.Skipped>();
        connector.ConnectorRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_DirectToKnownPerson_SendsToPersonalConversation()
    {
        directory.Conversations["rita@example.com"] = new ConversationReference(connector.ServiceUrl, "a:rita-chat", "tenant-1", "28:bot", "29:rita", "aad-rita", "msteams", null);
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Direct, Audience.To(new UserRef("rita@example.com", "Rita")), null, null, "Alice owns your ticket"), default);

        result.ShouldBeOfType<DeliveryResult.Sent>();
        var request = connector.ConnectorRequests.ShouldHaveSingleItem();
        request.RawTarget.ShouldContain("/v3/conversations/a%3Arita-chat/activities");
        request.Body.ShouldContain("Alice owns your ticket");
    }

    [Fact]
    public async Task DeliverAsync_ManagerAlert_PostsToManagerChannelWithButtons()
    {
        directory.Conversations["19:managers@thread.tacv2"] = new ConversationReference(connector.ServiceUrl, "19:managers@thread.tacv2", "tenant-1", "28:bot", null, null, "msteams", null);
        await Sender().DeliverAsync(DeliveryOf(NotificationKind.Alert, Audience.Managers, "19:managers@thread.tacv2", null, "SLA at risk", [TicketActions.TakeOver]), default);

        var body = JsonNode.Parse(connector.ConnectorRequests.ShouldHaveSingleItem().Body)!;
        body["channelData"]!["channel"]!["id"]!.GetValue<string>().ShouldBe("19:managers@thread.tacv2");
        body.ToJsonString().ShouldContain("\"verb\":\"takeOver\"");
    }

    [Fact]
    public async Task DeliverAsync_ChannelNeverSeenAndServiceUrlNotAllowed_FailedWithoutSendingToken()
    {
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Alert, Audience.Managers, "19:unknown@thread.tacv2", null), default);

        result.ShouldBeOfType<DeliveryResult.Failed>();
        connector.ConnectorRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_Throttled_RetryAfterHeader()
    {
        connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", "7"));
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, null), default);

        result.ShouldBeOfType<DeliveryResult.Retry>().After.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task DeliverAsync_Forbidden_FailedAndParked()
    {
        connector.Enqueue(new ScriptedResponse(403, """{"error":{"code":"BotNotInConversationRoster","message":"no"}}"""));
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, null), default);

        result.ShouldBeOfType<DeliveryResult.Failed>().Error.ShouldContain("403");
    }

    [Fact]
    public async Task DeliverAsync_ServiceUnavailable_RetryLater()
    {
        connector.Enqueue(new ScriptedResponse(503, ""));
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, null), default);

        result.ShouldBeOfType<DeliveryResult.Retry>();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task DeliverAsync_ServerErrorAfterThePostWentOut_UnconfirmedNotRetried(int status)
    {
        connector.Enqueue(new ScriptedResponse(status, ""));
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, null), default);

        result.ShouldBeOfType<DeliveryResult.Unconfirmed>().Error.ShouldContain($"HTTP {status}");
        connector.ConnectorRequests.Count(r => r.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task DeliverAsync_UncertainPostOfANewCard_UnconfirmedWithoutACall()
    {
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, null) with { Uncertain = true }, default);

        result.ShouldBeOfType<DeliveryResult.Unconfirmed>();
        connector.ConnectorRequests.ShouldNotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task DeliverAsync_UncertainUpdateOfAnExistingCard_SentAgain()
    {
        var existing = new CardRef(Tier1Channel, "act-1", Tier1Channel + ";messageid=act-1", connector.ServiceUrl);
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), Tier1Channel, existing) with { Uncertain = true }, default);

        result.ShouldBeOfType<DeliveryResult.Sent>();
        connector.ConnectorRequests.ShouldContain(r => r.Method == "PUT");
    }
}
