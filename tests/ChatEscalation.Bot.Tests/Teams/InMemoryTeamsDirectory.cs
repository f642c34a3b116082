using System.Collections.Concurrent;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>An <see cref="ITeamsDirectory"/> in dictionaries, for sender and handler tests without a database.</summary>
public sealed class InMemoryTeamsDirectory : ITeamsDirectory
{
    public ConcurrentDictionary<string, TeamsPerson> Users { get; } = new();
    public ConcurrentDictionary<string, ConversationReference> Conversations { get; } = new();

    public Task<TeamsPerson?> FindUserAsync(string aadObjectId, CancellationToken ct) => Task.FromResult(Users.GetValueOrDefault(aadObjectId));

    public Task<TeamsPerson?> FindUserByEmailAsync(string email, CancellationToken ct) =>
        Task.FromResult(Users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)));

    public ConcurrentDictionary<string, TeamsTeam> Teams { get; } = new();

    /// <summary>The clock roster reads are stamped with.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public Task<IReadOnlyDictionary<string, TeamsPerson>> FindUsersByEmailAsync(IEnumerable<string> emails, CancellationToken ct)
    {
        var wanted = emails.ToHashSet(StringComparer.OrdinalIgnoreCase);
        IReadOnlyDictionary<string, TeamsPerson> found = Users.Values.Where(u => u.Email is not null && wanted.Contains(u.Email))
            .DistinctBy(u => u.Email!.ToLowerInvariant()).ToDictionary(u => u.Email!, StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<TeamsTeam>> TeamsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<TeamsTeam>>(Teams.Values.OrderBy(t => t.TeamId).ToList());

    public Task SaveTeamAsync(string teamId, ConversationReference reference, CancellationToken ct)
    {
        Teams.AddOrUpdate(teamId, new TeamsTeam(teamId, reference, null), (_, old) => old with { Reference = reference });
        return Task.CompletedTask;
    }

    public Task RosterReadAsync(string teamId, CancellationToken ct)
    {
        Teams.AddOrUpdate(teamId, id => throw new InvalidOperationException($"Team {id} was never saved."), (_, old) => old with { RosterReadAt = Time.GetUtcNow() });
        return Task.CompletedTask;
    }

    public Task SaveUserAsync(TeamsPerson person, CancellationToken ct)
    {
        Users[person.AadObjectId] = person;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> FindConversationAsync(string key, CancellationToken ct) => Task.FromResult(Conversations.GetValueOrDefault(key));

    public Task SaveConversationAsync(string key, ConversationReference reference, CancellationToken ct)
    {
        Conversations[key] = reference;
        return Task.CompletedTask;
    }
}
