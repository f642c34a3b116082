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

    private readonly ExpiringMap<(string Platform, string Id), PlatformUser> people = new(time, Lifetime, Capacity);

    /// <summary>How many people are kept now.</summary>
    public int Count => people.Count;

    /// <summary>A copy of the person kept for (<paramref name="platform"/>, <paramref name="platformUserId"/>); null when none is, or it expired.</summary>
    public PlatformUser? Find(string platform, string platformUserId) =>
        people.TryGet((platform, platformUserId), out var kept) ? Copy(kept) : null;

    /// <summary>Keeps a copy of <paramref name="user"/> when it has an e-mail; forgets any older entry when it has none.</summary>
    public void Keep(PlatformUser user)
    {
        if (user.Email is null) people.Remove((user.Platform, user.PlatformUserId));
        else people.Set((user.Platform, user.PlatformUserId), Copy(user));
    }

    private static PlatformUser Copy(PlatformUser u) =>
        new() { Platform = u.Platform, PlatformUserId = u.PlatformUserId, Email = u.Email, Name = u.Name, UpdatedAt = u.UpdatedAt };
}
