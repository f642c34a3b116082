using ChatEscalation.Persistence.Workflows;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Chat messages: in a 1:1 chat every message, in a channel or group chat only those that @mention the bot, go to
/// <see cref="ChatConversation"/>; the answer goes back to the same conversation (a reply in a channel thread) through the outbox. In a
/// 1:1 chat, text the bot did not understand gets the raise form prefilled from it, and <c>home</c> gets the person's home card (<see cref="TeamsHome"/>).
/// </summary>
public sealed class TeamsMessageHandler(
    ChatConversation conversation,
    TeamsPeopleResolver people,
    TeamsConversationMemory memory,
    PersonZones zones,
    TicketWorkflow workflow)
{
    public async Task OnMessageAsync(Activity activity, InboundReceipt? receipt, CancellationToken ct)
    {
        var isPersonal = activity.IsPersonal;
        if (!isPersonal && !activity.MentionsRecipient) return;
        var user = await people.ResolveAsync(activity, ct);
        if (isPersonal) await memory.RememberPersonAsync(activity, user, ct);
        zones.Remember(TeamsActivityHandler.Platform, activity.From?.Id, activity.LocalTimezone);
        if (isPersonal && TeamsHome.IsCommand(MentionText.StripBotMention(activity)) && activity is { ServiceUrl: { } url, Conversation.Id: { } conversationId })
        {
            // The home card is built when the answer is delivered (TeamsSender), so it shows the tickets as they are then.
            var route = new TeamsRoute(url, conversationId, Home: activity.From?.Id ?? "");
            await workflow.RecordAsync(receipt, new OutboxReply(TeamsActivityHandler.Platform, conversationId, user, "Your IT desk", null, route.ToJson()), ct);
            return;
        }

        await conversation.HandleAsync(new ChatRequest(user, TeamsActivityHandler.Platform, MentionText.StripBotMention(activity))
        {
            Receipt = receipt,
            Answer = reply => TeamsReplies.InConversation(activity, user, reply),
            Zone = zones.Find(TeamsActivityHandler.Platform, activity.From?.Id),
        }, ct);
    }
}
