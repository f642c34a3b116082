using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Conversations;

/// <summary>
/// People whose platform lookup (Slack <c>users.info</c>, the Teams Connector's member lookup) failed lately: for
/// <see cref="RetryAfter"/> nobody asks again, so an unreachable API costs one timeout per person, not one per request. The person
/// acts under their platform key meanwhile (as after any failed lookup). Bounded to <see cref="Capacity"/> people; thread-safe.
/// </summary>
public sealed class LookupFailures(TimeProvider time)
{
    /// <summary>How long a failed lookup is remembered.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Most people remembered; beyond it the memory is emptied (each person then costs one more timeout).</summary>
    public const int Capacity = 10_000;

    private readonly ExpiringMap<string, bool> failed = new(time, RetryAfter, Capacity);

    /// <summary>True while a lookup of <paramref name="key"/> (platform-qualified, e.g. <c>slack:U0123</c>) failed less than <see cref="RetryAfter"/> ago.</summary>
    public bool RecentlyFailed(string key) => failed.TryGet(key, out _);

    /// <summary>Remembers that the lookup of <paramref name="key"/> failed now.</summary>
    public void Failed(string key) => failed.Set(key, true);

    /// <summary>Forgets a failure (the lookup worked).</summary>
    public void Succeeded(string key) => failed.Remove(key);
}
