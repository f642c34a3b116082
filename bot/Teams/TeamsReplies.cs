using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Where the bot answers a Teams activity, as outbox replies (<see cref="TeamsRoute"/>): the answer is written in the same transaction
/// as what the activity did and delivered by the outbox, so a throttled or unreachable Connector delays it but cannot lose it.
/// </summary>
public sealed class TeamsReplies(ITeamsDirectory directory)
{
    /// <summary>The answer in the activity's conversation: a reply in a channel thread, a message in a 1:1 or group chat.</summary>
    public static OutboxReply? InConversation(Activity inbound, UserRef user, ChatReply reply)
    {
        if (inbound is not { ServiceUrl: { } url, Conversation.Id: { } conversationId }) return null;
        var lines = new List<string> { reply.Text };
        if (reply.Card is null) lines.AddRange(reply.Tickets.Select(t => $"{t.Key} · {t.Title} · {t.StatusText} · {t.SlaText}"));
        var route = new TeamsRoute(url, conversationId, inbound.IsPersonal ? null : inbound.Id,
            RaiseForm: inbound.IsPersonal && reply.SuggestRaise is not null ? MentionText.StripBotMention(inbound) : null);
        return new OutboxReply(TeamsActivityHandler.Platform, conversationId, user, string.Join("\n\n", lines), reply.Card?.Number, route.ToJson());
    }

    /// <summary>
    /// Where to answer <paramref name="user"/> privately about <paramref name="inbound"/>: their 1:1 chat with the bot when the activity
    /// came from elsewhere and that chat is known, else the activity's own conversation.
    /// </summary>
    public async Task<Func<string, OutboxReply?>> PrivatelyAsync(Activity inbound, UserRef user, CancellationToken ct)
    {
        if (!inbound.IsPersonal && await directory.FindConversationAsync(user.Key.ToLowerInvariant(), ct) is { UserId: not null } personal)
        {
            var route = new TeamsRoute(personal.ServiceUrl, personal.ConversationId);
            return text => new OutboxReply(TeamsActivityHandler.Platform, personal.ConversationId, user, text, null, route.ToJson());
        }

        return text => InConversation(inbound, user, ChatReply.Say(text));
    }
}
