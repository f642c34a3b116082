using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Tests.Scheduling;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Conversations;

/// <summary>
/// A message answered through the outbox (Teams, Slack events): the answer staged with the commit and the reply returned are one reply,
/// built once, with the ticket's card view.
/// </summary>
public sealed class ChatConversationReplyTests
{
    [Theory]
    [InlineData("ticket VPN drops every 10 minutes")]
    [InlineData("accept {0}")]
    public async Task HandleAsync_AnsweredThroughTheOutbox_ReturnsTheReplyItAnsweredWith(string text)
    {
        await using var host = await SchedulingHost.StartAsync();
        var existing = await host.RaiseAsync("Printer jams on every page");
        await using var scope = host.Services.CreateAsyncScope();
        var conversation = scope.ServiceProvider.GetRequiredService<ChatConversation>();
        var answers = new List<ChatReply>();

        var reply = await conversation.HandleAsync(new ChatRequest(host.Person("alice@demo.local"), "local", string.Format(System.Globalization.CultureInfo.InvariantCulture, text, Core.Tickets.TicketKey.Format(existing)))
        {
            Receipt = new InboundReceipt("local", Guid.NewGuid().ToString("N")),
            Answer = answer =>
            {
                answers.Add(answer);
                return new OutboxReply("local", "conversation", host.Person("alice@demo.local"), answer.Text, answer.Card?.Number, "{}");
            },
        }, CancellationToken.None);

        answers.ShouldHaveSingleItem().ShouldBeSameAs(reply);
        reply.Card.ShouldNotBeNull();
    }
}
