using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams;

/// <summary>Direct answers to an activity, sent at once through the Connector. A failure is logged, never thrown: what the activity did is saved by then.</summary>
public sealed class TeamsReplies(ITeamsConnector connector, ITeamsDirectory directory, ILogger<TeamsReplies> log)
{
    /// <summary>The answer in the activity's conversation: a reply in a channel thread, a message in a 1:1 or group chat.</summary>
    public async Task ReplyAsync(Activity inbound, Activity reply, CancellationToken ct)
    {
        if (inbound is not { ServiceUrl: { } url, Conversation.Id: { } conversationId }) return;
        reply.ReplyToId = inbound.Id;
        if (inbound.Id is { } id && !inbound.IsPersonal)
        {
            await QuietlyAsync(() => connector.ReplyToActivityAsync(url, conversationId, id, reply, ct), inbound.Id, conversationId, ct);
        }
        else
        {
            await QuietlyAsync(() => connector.SendToConversationAsync(url, conversationId, reply, ct), inbound.Id, conversationId, ct);
        }
    }

    /// <summary>The answer in <paramref name="user"/>'s 1:1 chat with the bot when the activity came from elsewhere and that chat is known; else <see cref="ReplyAsync"/>.</summary>
    public async Task AnswerPrivatelyAsync(Activity inbound, UserRef user, Activity reply, CancellationToken ct)
    {
        if (!inbound.IsPersonal && await directory.FindConversationAsync(user.Key.ToLowerInvariant(), ct) is { UserId: not null } personal)
        {
            await QuietlyAsync(() => connector.SendToConversationAsync(personal.ServiceUrl, personal.ConversationId, reply, ct),
                inbound.Id, personal.ConversationId, ct);
            return;
        }

        await ReplyAsync(inbound, reply, ct);
    }

    private async Task QuietlyAsync(Func<Task> send, string? activityId, string conversationId, CancellationToken ct)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is TeamsConnectorException or TeamsThrottledException or HttpRequestException or TeamsServiceUrlNotAllowedException
                                      or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Could not answer activity {ActivityId} in {Conversation}", activityId, conversationId);
        }
    }
}
