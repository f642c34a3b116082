using System.Collections.Concurrent;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// Values kept in memory for a fixed <c>lifetime</c> each, at most <c>capacity</c> of them: when full, everything is forgotten at once
/// (bounded, no bookkeeping per read; each forgotten entry costs one more trip to where it came from). Thread-safe.
/// </summary>
public sealed class ExpiringMap<TKey, TValue>(TimeProvider time, TimeSpan lifetime, int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Until)> items = new();

    /// <summary>How many entries are kept now (expired ones included until read).</summary>
    public int Count => items.Count;

    /// <summary>The value kept for <paramref name="key"/> while it has not expired; an expired one is dropped.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        value = default!;
        if (!items.TryGetValue(key, out var kept)) return false;
        if (time.GetUtcNow() < kept.Until)
        {
            value = kept.Value;
            return true;
        }

        items.TryRemove(KeyValuePair.Create(key, kept));
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> from now for the lifetime, replacing any earlier one.</summary>
    public void Set(TKey key, TValue value)
    {
        if (items.Count >= capacity && !items.ContainsKey(key)) items.Clear();
        items[key] = (value, time.GetUtcNow() + lifetime);
    }

    /// <summary>Forgets <paramref name="key"/>.</summary>
    public void Remove(TKey key) => items.TryRemove(key, out _);
}
