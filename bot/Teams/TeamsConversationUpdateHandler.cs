using System.Text.Json;
using ChatEscalation.Bot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Installs and conversation updates: the bot remembers where it was added (a channel, or a person's 1:1 chat) to post there later,
/// and when it was added to a team (<c>membersAdded</c> holds the bot's own id, <c>recipient.id</c>) it reads the team's roster in the
/// background (<see cref="TeamsRoster"/>), so everybody in the policy can be paged and messaged without writing to it first.
/// </summary>
public sealed class TeamsConversationUpdateHandler(TeamsConversationMemory memory, TeamsRosterQueue rosters, IOptionsMonitor<TeamsRosterOptions> options)
{
    public async Task OnConversationUpdateAsync(Activity activity, CancellationToken ct)
    {
        await memory.RememberAsync(activity, ct);
        if (TeamsChannelData.From(activity).TeamId is { } team && BotWasAdded(activity) && options.CurrentValue.RosterOnInstall) rosters.Request(team);
    }

    /// <summary>True when <c>membersAdded</c> (kept in the activity's extra members) names the bot itself.</summary>
    public static bool BotWasAdded(Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } bot
        && activity.Extra?.TryGetValue("membersAdded", out var added) == true && added.ValueKind == JsonValueKind.Array
        && added.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String && id.GetString() == bot);
}
