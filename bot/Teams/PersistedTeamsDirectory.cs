using System.Text.Json;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary><see cref="ITeamsDirectory"/> over the persistence <see cref="ChatDirectory"/> (platform <c>teams</c>).</summary>
/// <remarks>PlatformUsers rows: PlatformUserId = Entra object id, Name = "display name\n29:id". ConversationReferences rows keep the whole reference as JSON.</remarks>
public sealed class PersistedTeamsDirectory(ChatDirectory directory, TimeProvider time) : ITeamsDirectory
{
    private const string Platform = "teams";

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
        if (row is null) return null;
        if (row.Json is { } json && JsonSerializer.Deserialize<ConversationReference>(json, TeamsJson.Options) is { } full) return full;
        return new ConversationReference(row.ServiceUrl, row.ConversationId, row.TenantId, row.BotId, row.UserId, null, "msteams", null);
    }

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
