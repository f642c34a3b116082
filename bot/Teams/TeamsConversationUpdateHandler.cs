using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary>Installs and conversation updates: the bot remembers where it was added (a channel, or a person's 1:1 chat) to post there later.</summary>
public sealed class TeamsConversationUpdateHandler(TeamsConversationMemory memory)
{
    public Task OnConversationUpdateAsync(Activity activity, CancellationToken ct) => memory.RememberAsync(activity, ct);
}
