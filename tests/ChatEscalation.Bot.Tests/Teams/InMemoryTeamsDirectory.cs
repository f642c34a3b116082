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
