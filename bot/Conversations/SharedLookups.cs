using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ChatEscalation.Bot.Conversations;

/// <summary>
/// Concurrent lookups of the same person share one platform call (Slack <c>users.info</c>, the Teams Connector's member lookup): the
/// first caller of a key starts it, everyone who asks for that key while it runs awaits the same call, and the entry is gone as soon as
/// it finishes (a later caller starts a fresh call, or, after a failure, finds the person in <see cref="LookupFailures"/>).
/// </summary>
/// <remarks>
/// The shared call runs under its own budget (<c>budget</c>, wall-clock time like the platform's answer deadline it protects), never
/// under a caller's token: one caller
/// giving up (its request aborted) stops only that caller's wait, never the call the others await. A failure (including the budget
/// running out, an <see cref="OperationCanceledException"/> while the caller's own token is not cancelled) reaches every waiter, so each
/// falls back as after its own failed lookup. Memory is bounded: only calls in flight are held, at most <see cref="Capacity"/> keys;
/// beyond that a lookup runs unshared. Thread-safe; register as a singleton per result type.
/// </remarks>
/// <typeparam name="T">What the platform call returns.</typeparam>
public sealed class SharedLookups<T> where T : class
{
    /// <summary>Most distinct keys in flight at once; further keys are looked up unshared.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> inFlight = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<T, object> claimed = new();

    /// <summary>Keys whose call is running now.</summary>
    public int InFlight => inFlight.Count;

    /// <summary>How many callers are awaiting the running call for <paramref name="key"/> (0 when none runs).</summary>
    public int WaitersOf(string key) => inFlight.TryGetValue(key, out var entry) ? Volatile.Read(ref entry.Waiters) : 0;

    /// <summary>
    /// The result of <paramref name="lookup"/> for <paramref name="key"/>, shared with every concurrent caller of the same key.
    /// <paramref name="lookup"/> gets a token cancelled after <paramref name="budget"/>; <paramref name="ct"/> only ends this caller's wait.
    /// </summary>
    public Task<T> RunAsync(string key, Func<CancellationToken, Task<T>> lookup, TimeSpan budget, CancellationToken ct)
    {
        while (true)
        {
            if (inFlight.TryGetValue(key, out var running))
            {
                Interlocked.Increment(ref running.Waiters);
                return WaitAsync(running, ct);
            }

            if (inFlight.Count >= Capacity) return StartAsync(lookup, budget).WaitAsync(ct);
            var entry = new Entry { Waiters = 1 };
            if (!inFlight.TryAdd(key, entry)) continue; // another caller started it a moment ago: join that one
            _ = CompleteAsync(key, entry, lookup, budget);
            return WaitAsync(entry, ct);
        }
    }

    /// <summary>
    /// True for the first caller that claims <paramref name="result"/> (one shared result is the same instance for every waiter), false
    /// for the others: the waiters of one call use it so that only one of them stores it, instead of every waiter writing the same row
    /// at once and all but one failing on the unique key. Held weakly: nothing is kept once the result is no longer referenced.
    /// </summary>
    public bool Claim(T result) => claimed.TryAdd(result, Claimed);

    private static readonly object Claimed = new();

    private static async Task<T> WaitAsync(Entry entry, CancellationToken ct)
    {
        try
        {
            return await entry.Result.Task.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref entry.Waiters);
        }
    }

    private async Task CompleteAsync(string key, Entry entry, Func<CancellationToken, Task<T>> lookup, TimeSpan budget)
    {
        try
        {
            var result = await StartAsync(lookup, budget);
            inFlight.TryRemove(KeyValuePair.Create(key, entry));
            entry.Result.SetResult(result);
        }
        catch (Exception e)
        {
            inFlight.TryRemove(KeyValuePair.Create(key, entry));
            entry.Result.SetException(e);
        }
    }

    private async Task<T> StartAsync(Func<CancellationToken, Task<T>> lookup, TimeSpan budget)
    {
        using var deadline = new CancellationTokenSource(budget);
        return await lookup(deadline.Token);
    }

    private sealed class Entry
    {
        public readonly TaskCompletionSource<T> Result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Waiters;
    }
}
