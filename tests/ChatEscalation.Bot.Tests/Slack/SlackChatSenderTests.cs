using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary><see cref="SlackSender"/> against the fake Web API: card post/update, thread, DMs by e-mail or Slack id, and error mapping.</summary>
public sealed class SlackChatSenderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private FakeSlackWebApi api = null!;
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;
    private string folder = "";

    public async Task InitializeAsync()
    {
        api = await FakeSlackWebApi.StartAsync();
        folder = Directory.CreateTempSubdirectory("chatescalation-slacksender-").FullName;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-sender",
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl,
            ["Slack:ApiMaxRetries"] = "0",
            ["Slack:PublicBaseUrl"] = "https://desk.example.com",
        }).Build();
        services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton(LocalFixtures.Policy)
            .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "s.db")}"), ["slack"])
            .AddSlackAdapter(config)
            .AddSlackChat(config)
            .BuildServiceProvider();
        await PersistenceServiceRegistration.MigrateAsync(services);
        scope = services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        await api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private SlackSender Sender() => scope.ServiceProvider.GetServices<IChatSender>().OfType<SlackSender>().Single();

    private static Delivery DeliveryOf(NotificationKind kind, Audience to, string? channel, CardRef? existing, string text = "Card")
    {
        var policy = LocalFixtures.Policy;
        var ticket = EscalationEngine.Raise(new RaiseTicket(new UserRef("uma@demo.local", "Uma"), "slack", "VPN drops every 10 minutes"), 42, policy, Now).Decision!.Ticket;
        return new Delivery(7, "slack", kind, to, text, [TicketActions.Accept], false, ticket, TicketViews.Card(ticket, policy, Now), channel, existing);
    }

    [Fact]
    public async Task DeliverAsync_CardFirstTime_PostsBlocksAndReturnsCardRef()
    {
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), "C0TIER1", null), default);

        var call = api.Calls.ShouldHaveSingleItem();
        call.Method.ShouldBe("chat.postMessage");
        call["channel"].ShouldBe("C0TIER1");
        call.BlockText.ShouldContain("VPN drops every 10 minutes");
        var card = result.ShouldBeOfType<DeliveryResult.Sent>().Card.ShouldNotBeNull();
        card.ChannelId.ShouldBe("C0TIER1");
        card.MessageId.ShouldBe(call.AnsweredTs);
    }

    [Fact]
    public async Task DeliverAsync_CardDeletedInSlack_PostedAfresh()
    {
        api.Enqueue(200, """{"ok":false,"error":"message_not_found"}""");
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Card, Audience.Queue(1), "C0TIER1", new CardRef("C0TIER1", "1.000001")), default);

        api.Calls.Select(c => c.Method).ShouldBe(["chat.update", "chat.postMessage"]);
        result.ShouldBeOfType<DeliveryResult.Sent>().Card!.MessageId.ShouldBe(api.Calls[1].AnsweredTs);
    }

    [Fact]
    public async Task DeliverAsync_RateLimited_RetryAfterSlacksDelay()
    {
        api.Enqueue(429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "17");
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.ThreadUpdate, Audience.Queue(1), "C0TIER1", new CardRef("C0TIER1", "1.000001"), "Accepted"), default);

        var retry = result.ShouldBeOfType<DeliveryResult.Retry>();
        retry.After.ShouldBe(TimeSpan.FromSeconds(17));
        api.Calls.ShouldHaveSingleItem()["thread_ts"].ShouldBe("1.000001");
    }

    [Theory]
    [InlineData("channel_not_found", typeof(DeliveryResult.Failed))]
    [InlineData("not_in_channel", typeof(DeliveryResult.Failed))]
    [InlineData("internal_error", typeof(DeliveryResult.Retry))]
    public async Task DeliverAsync_OkFalse_PermanentParkedOthersRetried(string error, Type expected)
    {
        api.Enqueue(200, $$"""{"ok":false,"error":"{{error}}"}""", method: "chat.postMessage");
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Alert, Audience.Managers, "C0MANAGERS", null, "P1 at risk"), default);

        result.ShouldBeOfType(expected);
        result.ToString().ShouldContain(error);
    }

    [Fact]
    public async Task DeliverAsync_DirectToCachedPerson_DmWithoutLookup()
    {
        await scope.ServiceProvider.GetRequiredService<ChatDirectory>().UpsertUserAsync(new PlatformUser
        {
            Platform = "slack", PlatformUserId = "U0UMA", Email = "uma@demo.local", Name = "Uma", UpdatedAt = Now,
        });
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Direct, Audience.To(new UserRef("uma@demo.local", "Uma")), null, null, "Alice owns it"), default);

        result.ShouldBeOfType<DeliveryResult.Sent>();
        api.Calls.Select(c => c.ToString()).ShouldBe(["conversations.open U0UMA", "chat.postMessage D0UMA"]);
    }

    [Fact]
    public async Task DeliverAsync_DirectToSlackKey_UsesTheIdAsIs()
    {
        await Sender().DeliverAsync(DeliveryOf(NotificationKind.Direct, Audience.To(new UserRef("slack:U0BOB", "Bob")), null, null, "Hi"), default);

        api.Calls.Select(c => c.ToString()).ShouldBe(["conversations.open U0BOB", "chat.postMessage D0BOB"]);
    }

    [Fact]
    public async Task DeliverAsync_DirectToPersonUnknownOnSlack_Skipped()
    {
        var result = await Sender().DeliverAsync(DeliveryOf(NotificationKind.Direct, Audience.To(new UserRef("nobody@demo.local", "Nobody")), null, null, "Hi"), default);

        result.ShouldBeOfType<DeliveryResult.Skipped>();
        api.Calls.Select(c => c.ToString()).ShouldBe(["users.lookupByEmail nobody@demo.local"]);
    }
}
