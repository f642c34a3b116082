using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// The people's 1:1 chats this process found or put in the database lately (<see cref="Lifetime"/> each, at most <see cref="Capacity"/>),
/// so a person's next message from the same chat skips the database read that checks it is stored. Per process: a chat another instance
/// stores for the person is noticed when the entry expires.
/// </summary>
public sealed class RememberedChats(TimeProvider time)
{
    /// <summary>How long a chat is trusted to be the stored one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Most people kept.</summary>
    public const int Capacity = 10_000;

    private readonly ExpiringMap<string, ConversationReference> chats = new(time, Lifetime, Capacity);

    /// <summary>Whether <paramref name="reference"/> is the chat stored for <paramref name="key"/>, as far as this process knows.</summary>
    public bool IsStored(string key, ConversationReference reference) => chats.TryGet(key, out var kept) && kept == reference;

    /// <summary>The database holds <paramref name="reference"/> for <paramref name="key"/> now.</summary>
    public void Stored(string key, ConversationReference reference) => chats.Set(key, reference);
}
