using System.Text.Json;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary><see cref="ITeamsDirectory"/> over the persistence <see cref="ChatDirectory"/> (platform <c>teams</c>).</summary>
/// <remarks>
/// PlatformUsers rows: PlatformUserId = Entra object id, Name = "display name\n29:id". ConversationReferences rows keep the whole
/// reference as JSON, keyed by channel id or e-mail; a team is <c>team:&lt;id&gt;</c>, and <c>roster:&lt;id&gt;</c> is updated (its
/// UpdatedAt) when the team's roster was read in full.
/// </remarks>
public sealed class PersistedTeamsDirectory(ChatDirectory directory, TimeProvider time) : ITeamsDirectory
{
    private const string Platform = "teams";
    private const string TeamPrefix = "team:";
    private const string RosterPrefix = "roster:";

    public async Task<TeamsPerson?> FindUserAsync(string aadObjectId, CancellationToken ct) =>
        ToPerson(await directory.FindUserAsync(Platform, aadObjectId, ct));

    public async Task<TeamsPerson?> FindUserByEmailAsync(string email, CancellationToken ct) =>
        ToPerson(await directory.FindUserByEmailAsync(Platform, email, ct));

    private static TeamsPerson? ToPerson(PlatformUser? row)
    {
        if (row is null) return null;
        var parts = row.Name.Split('\n', 2);
        return new TeamsPerson(row.PlatformUserId, parts.Length > 1 ? parts[1] : "", row.Email, parts[0]);
    }

    public async Task<IReadOnlyDictionary<string, TeamsPerson>> FindUsersByEmailAsync(IEnumerable<string> emails, CancellationToken ct) =>
        (await directory.FindUsersByEmailAsync(Platform, emails, ct))
            .OrderByDescending(u => u.UpdatedAt).DistinctBy(u => u.Email)
            .ToDictionary(u => u.Email!, u => ToPerson(u)!, StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<TeamsTeam>> TeamsAsync(CancellationToken ct)
    {
        var reads = (await directory.ConversationsAsync(Platform, RosterPrefix, ct)).ToDictionary(r => r.Key[RosterPrefix.Length..], r => r.UpdatedAt, StringComparer.Ordinal);
        var teams = new List<TeamsTeam>();
        foreach (var row in await directory.ConversationsAsync(Platform, TeamPrefix, ct))
        {
            var id = row.Key[TeamPrefix.Length..];
            teams.Add(new TeamsTeam(id, Reference(row), reads.TryGetValue(id, out var at) ? at : null));
        }

        return teams;
    }

    public Task SaveTeamAsync(string teamId, ConversationReference reference, CancellationToken ct) =>
        SaveConversationAsync(TeamPrefix + teamId, reference with { ConversationId = teamId, UserId = null, UserAadObjectId = null, ActivityId = null }, ct);

    public Task RosterReadAsync(string teamId, CancellationToken ct) => directory.UpsertConversationAsync(new ConversationReferenceRow
    {
        Platform = Platform, Key = RosterPrefix + teamId, ServiceUrl = "", ConversationId = teamId, UpdatedAt = time.GetUtcNow(),
    }, ct);

    public Task SaveUserAsync(TeamsPerson person, CancellationToken ct) => directory.UpsertUserAsync(new PlatformUser
    {
        Platform = Platform,
        PlatformUserId = person.AadObjectId,
        Email = person.Email,
        Name = $"{person.Name}\n{person.UserId}",
        UpdatedAt = time.GetUtcNow(),
    }, ct);

    public async Task<ConversationReference?> FindConversationAsync(string key, CancellationToken ct)
    {
        var row = await directory.FindConversationAsync(Platform, key, ct);
        return row is null ? null : Reference(row);
    }

    private static ConversationReference Reference(ConversationReferenceRow row) =>
        row.Json is { } json && JsonSerializer.Deserialize<ConversationReference>(json, TeamsJson.Options) is { } full
            ? full
            : new ConversationReference(row.ServiceUrl, row.ConversationId, row.TenantId, row.BotId, row.UserId, null, "msteams", null);

    public Task SaveConversationAsync(string key, ConversationReference reference, CancellationToken ct) =>
        directory.UpsertConversationAsync(new ConversationReferenceRow
        {
            Platform = Platform,
            Key = key,
            ServiceUrl = reference.ServiceUrl,
            ConversationId = reference.ConversationId,
            TenantId = reference.TenantId,
            BotId = reference.BotId,
            UserId = reference.UserId,
            Json = JsonSerializer.Serialize(reference, TeamsJson.Options),
            UpdatedAt = time.GetUtcNow(),
        }, ct);
}
