using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Commands;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Chat messages: in a 1:1 chat every message, in a channel or group chat only those that @mention the bot, go to
/// <see cref="ChatConversation"/>; the answer goes back to the same conversation (a reply in a channel thread) through the outbox. In a
/// 1:1 chat, text the bot did not understand gets the raise form prefilled from it, and <c>home</c> gets the person's home card (<see cref="TeamsHome"/>).
/// </summary>
/// <remarks>
/// A reply in a channel thread about a ticket (the thread under a message the ticket was raised from, or under one of the bot's cards
/// for it) that is not a command is a note on that ticket, like a Slack thread reply: the reporter's resumes a ticket waiting on them.
/// Teams delivers a channel message to the bot when it @mentions the bot; with the resource-specific permission
/// <c>ChannelMessage.Read.Group</c> granted, every channel message, and a thread reply needs no mention.
/// </remarks>
public sealed class TeamsMessageHandler(
    ChatConversation conversation,
    TeamsPeopleResolver people,
    TeamsConversationMemory memory,
    PersonZones zones,
    OutboxStore outbox,
    TicketWorkflow workflow)
{
    public async Task OnMessageAsync(Activity activity, InboundReceipt? receipt, CancellationToken ct)
    {
        var isPersonal = activity.IsPersonal;
        var text = MentionText.StripBotMention(activity);
        if (!isPersonal && TeamsThread.Of(activity) is { } thread && await TicketThreadAsync(thread, text, ct) is { } ticket)
        {
            var author = await people.ResolveAsync(activity, ct);
            await workflow.ExecuteAsync(ticket.Number, new AddNote(author, text, InSourceThread: ticket.RaisedThere),
                new Inbound(receipt, r => InThread(activity, thread, author, r.Message, ticket.Number)), ct);
            return;
        }

        if (!isPersonal && !activity.MentionsRecipient) return;
        var user = await people.ResolveAsync(activity, ct);
        if (isPersonal) await memory.RememberPersonAsync(activity, user, ct);
        zones.Remember(TeamsActivityHandler.Platform, activity.From?.Id, activity.LocalTimezone);
        if (isPersonal && TeamsHome.IsCommand(text) && activity is { ServiceUrl: { } url, Conversation.Id: { } conversationId })
        {
            // The home card is built when the answer is delivered (TeamsSender), so it shows the tickets as they are then.
            var route = new TeamsRoute(url, conversationId, Home: activity.From?.Id ?? "");
            await workflow.RecordAsync(receipt, new OutboxReply(TeamsActivityHandler.Platform, conversationId, user, "Your IT desk", null, route.ToJson()), ct);
            return;
        }

        await conversation.HandleAsync(new ChatRequest(user, TeamsActivityHandler.Platform, text)
        {
            Receipt = receipt,
            Answer = reply => TeamsReplies.InConversation(activity, user, reply),
            Zone = zones.Find(TeamsActivityHandler.Platform, activity.From?.Id),
        }, ct);
    }

    /// <summary>The ticket <paramref name="thread"/> is about, when <paramref name="text"/> is a note rather than a command.</summary>
    private async Task<ThreadTicket?> TicketThreadAsync(TeamsThread thread, string text, CancellationToken ct)
    {
        if (text.Length == 0 || ChatIntentParser.Parse(text).Kind != ChatIntentKind.Unknown) return null;
        return await outbox.TicketOfThreadAsync(TeamsActivityHandler.Platform, thread.Channel, thread.RootId, ownMessagesToo: true, ct);
    }

    /// <summary>The answer as a reply in the thread (to its first message, where the bot's other lines about the ticket are).</summary>
    private static OutboxReply? InThread(Activity activity, TeamsThread thread, Core.Tickets.UserRef author, string text, long ticket) =>
        activity.ServiceUrl is { } url
            ? new OutboxReply(TeamsActivityHandler.Platform, thread.Channel, author, text, ticket, new TeamsRoute(url, thread.Channel, thread.RootId).ToJson())
            : null;
}
