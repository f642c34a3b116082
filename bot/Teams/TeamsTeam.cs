using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary>A team the bot was installed in (or saw a channel of): where to read its roster, and when it was last read.</summary>
/// <param name="TeamId">The team's id (<c>channelData.team.id</c>, the General channel's conversation id), what <c>pagedmembers</c> takes.</param>
/// <param name="Reference">The service URL and tenant seen with it.</param>
/// <param name="RosterReadAt">When its roster was last read in full; null: never.</param>
public sealed record TeamsTeam(string TeamId, ConversationReference Reference, DateTimeOffset? RosterReadAt);
