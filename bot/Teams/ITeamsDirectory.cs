using ChatEscalation.Bot.Teams.Protocol;
namespace ChatEscalation.Bot.Teams;

/// <summary>
/// What the Teams adapter remembers about people and conversations: Teams user → e-mail (by Entra object id), and the
/// conversation references needed to post proactively, keyed by Teams channel id (channels) or e-mail (people's 1:1 chats).
/// </summary>
/// <remarks>Backed by the persistence tables PlatformUsers and ConversationReferences (<see cref="PersistedTeamsDirectory"/>).</remarks>
public interface ITeamsDirectory
{
    /// <summary>The cached person for an Entra object id, or null when never resolved.</summary>
    Task<TeamsPerson?> FindUserAsync(string aadObjectId, CancellationToken ct);

    /// <summary>The cached person with this e-mail (the most recently seen), or null.</summary>
    Task<TeamsPerson?> FindUserByEmailAsync(string email, CancellationToken ct);

    /// <summary>The cached people with any of <paramref name="emails"/> (the most recently seen per e-mail), by lower-case e-mail.</summary>
    Task<IReadOnlyDictionary<string, TeamsPerson>> FindUsersByEmailAsync(IEnumerable<string> emails, CancellationToken ct);

    /// <summary>Caches a person (e-mail may be null when the Connector did not give one).</summary>
    Task SaveUserAsync(TeamsPerson person, CancellationToken ct);

    /// <summary>The teams the bot knows (installed in, or saw a channel of), with when each roster was last read.</summary>
    Task<IReadOnlyList<TeamsTeam>> TeamsAsync(CancellationToken ct);

    /// <summary>Remembers a team (a reference to reach the Connector for it); keeps when its roster was read.</summary>
    Task SaveTeamAsync(string teamId, ConversationReference reference, CancellationToken ct);

    /// <summary>Notes that <paramref name="teamId"/>'s roster was read in full now.</summary>
    Task RosterReadAsync(string teamId, CancellationToken ct);

    /// <summary>The stored reference for <paramref name="key"/> (a Teams channel id or a lower-case e-mail), or null.</summary>
    Task<ConversationReference?> FindConversationAsync(string key, CancellationToken ct);

    /// <summary>Stores (replaces) the reference for <paramref name="key"/>.</summary>
    Task SaveConversationAsync(string key, ConversationReference reference, CancellationToken ct);
}
