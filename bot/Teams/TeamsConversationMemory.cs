using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams;

/// <summary>Stores the conversation references the bot needs to post proactively: per Teams channel, and per person (their 1:1 chat, by e-mail).</summary>
public sealed class TeamsConversationMemory(ITeamsDirectory directory, TeamsPeopleResolver people)
{
    /// <summary>A channel's reference (from any activity in it), or the sender's 1:1 chat.</summary>
    public async Task RememberAsync(Activity activity, CancellationToken ct)
    {
        if (ConversationReference.FromActivity(activity) is not { } reference) return;
        if (TeamsChannelData.From(activity).ChannelId is { } channelId)
        {
            await directory.SaveConversationAsync(channelId, reference with { UserId = null, UserAadObjectId = null, ActivityId = null }, ct);
        }
        else if (activity.IsPersonal)
        {
            await RememberPersonAsync(activity, await people.ResolveAsync(activity, ct), ct);
        }
    }

    /// <summary>The sender's 1:1 chat with the bot, when <paramref name="activity"/> came from one.</summary>
    public async Task RememberPersonAsync(Activity activity, UserRef user, CancellationToken ct)
    {
        if (activity.IsPersonal && ConversationReference.FromActivity(activity) is { } reference)
        {
            await directory.SaveConversationAsync(user.Key.ToLowerInvariant(), reference with { ActivityId = null }, ct);
        }
    }
}
