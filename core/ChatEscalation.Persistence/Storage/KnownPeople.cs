using System.Collections.Concurrent;
using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// The people <see cref="ChatDirectory.FindUserAsync"/> found with an e-mail, kept in memory for <see cref="Lifetime"/>, so a request
/// from someone the bot already knows (every request after their first) reads no row to know who they are.
/// </summary>
/// <remarks>
/// At most <see cref="Capacity"/> people: when full, everyone is forgotten at once and the rows are read again (bounded, no
/// bookkeeping per read). This process's own writes (<see cref="ChatDirectory.UpsertUserAsync"/>) replace the entry at once; another
/// instance's writes are seen within <see cref="Lifetime"/>. Only people with an e-mail are kept: someone without one is looked up
/// on the platform again (after <c>LookupFailures</c>' wait), and that lookup must see the row as it is.
/// </remarks>
public sealed class KnownPeople(TimeProvider time)
{
    /// <summary>How long an entry is trusted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Most people kept.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Platform, string Id), (PlatformUser User, DateTimeOffset Until)> people = new();

    /// <summary>How many people are kept now.</summary>
    public int Count => people.Count;

    /// <summary>A copy of the person kept for (<paramref name="platform"/>, <paramref name="platformUserId"/>); null when none is, or it expired.</summary>
    public PlatformUser? Find(string platform, string platformUserId)
    {
        if (!people.TryGetValue((platform, platformUserId), out var kept)) return null;
        if (time.GetUtcNow() < kept.Until) return Copy(kept.User);
        people.TryRemove(new KeyValuePair<(string, string), (PlatformUser, DateTimeOffset)>((platform, platformUserId), kept));
        return null;
    }

    /// <summary>Keeps a copy of <paramref name="user"/> when it has an e-mail; forgets any older entry when it has none.</summary>
    public void Keep(PlatformUser user)
    {
        var key = (user.Platform, user.PlatformUserId);
        if (user.Email is null)
        {
            people.TryRemove(key, out _);
            return;
        }

        if (people.Count >= Capacity && !people.ContainsKey(key)) people.Clear();
        people[key] = (Copy(user), time.GetUtcNow() + Lifetime);
    }

    private static PlatformUser Copy(PlatformUser u) =>
        new() { Platform = u.Platform, PlatformUserId = u.PlatformUserId, Email = u.Email, Name = u.Name, UpdatedAt = u.UpdatedAt };
}
