using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Stores the conversation references the bot needs to post proactively: per Teams channel, per person (their 1:1 chat, by e-mail),
/// and per team (to read its roster: a team first seen here is read in the background).
/// </summary>
public sealed class TeamsConversationMemory(
    ITeamsDirectory directory, TeamsPeopleResolver people, TeamsRosterQueue rosters, IOptionsMonitor<TeamsRosterOptions> options, RememberedChats chats)
{
    /// <summary>A channel's reference (from any activity in it) and its team's, or the sender's 1:1 chat.</summary>
    public async Task RememberAsync(Activity activity, CancellationToken ct)
    {
        if (ConversationReference.FromActivity(activity) is not { } reference) return;
        var data = TeamsChannelData.From(activity);
        if (data.ChannelId is { } channelId)
        {
            await directory.SaveConversationAsync(channelId, reference with { UserId = null, UserAadObjectId = null, ActivityId = null }, ct);
            if (data.TeamId is { } teamId) await RememberTeamAsync(teamId, reference, ct);
        }
        else if (activity.IsPersonal)
        {
            await RememberPersonAsync(activity, await people.ResolveAsync(activity, ct), ct);
        }
    }

    /// <summary>Stores the team (a bot installed before rosters were read is caught up here); a team never seen before has its roster read.</summary>
    private async Task RememberTeamAsync(string teamId, ConversationReference reference, CancellationToken ct)
    {
        var known = (await directory.TeamsAsync(ct)).FirstOrDefault(t => t.TeamId == teamId);
        if (known is not null && known.Reference.ServiceUrl == reference.ServiceUrl && known.Reference.TenantId == reference.TenantId) return;
        await directory.SaveTeamAsync(teamId, reference, ct);
        if (known?.RosterReadAt is null && options.CurrentValue.RosterOnInstall) rosters.Request(teamId);
    }

    /// <summary>
    /// The sender's 1:1 chat with the bot, when <paramref name="activity"/> came from one. Stored only when it differs from what is
    /// stored already: a person's every message would otherwise cost a write transaction (SQLite has one writer) for nothing. A chat
    /// this process found stored lately (<see cref="RememberedChats"/>) is not read again.
    /// </summary>
    public async Task RememberPersonAsync(Activity activity, UserRef user, CancellationToken ct)
    {
        if (activity.IsPersonal && ConversationReference.FromActivity(activity) is { } reference)
        {
            var key = user.Key.ToLowerInvariant();
            var current = reference with { ActivityId = null };
            if (chats.IsStored(key, current)) return;
            if (await directory.FindConversationAsync(key, ct) != current) await directory.SaveConversationAsync(key, current, ct);
            chats.Stored(key, current);
        }
    }
}
