using System.Diagnostics;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// This process's turn at SQLite's single write lock: the group-commit writer, the outbox dispatcher's bookkeeping and the knowledge
/// step take it before they write, so they queue here (first come, first served, handed over at once) instead of meeting
/// the lock inside SQLite, where the loser sleeps in the busy handler and a deferred transaction that read first can fail to upgrade.
/// </summary>
/// <remarks>
/// Acknowledgements come first: while requests wait for the group-commit writer (<see cref="GiveWayTo"/>), a background writer (the
/// outbox's bookkeeping, the knowledge step: everything but the writer) waits up to <see cref="GiveWayMax"/> before it takes its turn,
/// so in a burst the requests get the lock and the cores and the cards follow a little later; nothing waits longer than that bound.
/// Disabled (PostgreSQL, where rows lock, not the database) <see cref="EnterAsync"/> returns at once. Not re-entrant: code holding the
/// turn never asks for it again. Writers that do not take it (the deadline sweep, the people directory, the emulator's store, the
/// dashboard) and another process on the same file still meet the lock in SQLite, where the busy timeout applies.
/// </remarks>
public sealed class SqliteWriteGate(bool enabled)
{
    /// <summary>How long a writer waits for its turn before giving up (as SQLite's own busy timeout).</summary>
    public static readonly TimeSpan Timeout = SqlitePragmas.BusyTimeout;

    /// <summary>A gate that never waits (PostgreSQL, and callers built without one).</summary>
    public static readonly SqliteWriteGate Open = new(false);

    /// <summary>The longest a background writer gives way to waiting requests before it takes its turn anyway.</summary>
    public static readonly TimeSpan GiveWayMax = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan GiveWayPoll = TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim turn = new(1, 1);
    private Func<int> backlog = () => 0;

    /// <summary>Background writers give way while <paramref name="waitingRequests"/> is above zero (the group-commit writer's queue).</summary>
    public void GiveWayTo(Func<int> waitingRequests) => backlog = waitingRequests;

    /// <summary>Whether requests wait for the group-commit writer now (never on PostgreSQL).</summary>
    public bool RequestsWaiting => Enabled && backlog() > 0;

    /// <summary>Whether writers take turns here (SQLite).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>
    /// Waits for this process's turn to write; dispose the result to pass it on. Throws <see cref="TimeoutException"/> after
    /// <see cref="Timeout"/>. A background writer (<paramref name="foreground"/> false) first gives way to waiting requests, at most
    /// <see cref="GiveWayMax"/>.
    /// </summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct = default, bool foreground = false)
    {
        if (!Enabled) return default;
        if (!foreground)
        {
            var start = Stopwatch.GetTimestamp();
            while (RequestsWaiting && Stopwatch.GetElapsedTime(start) < GiveWayMax) await Task.Delay(GiveWayPoll, ct);
        }

        if (!await turn.WaitAsync(Timeout, ct)) throw new TimeoutException($"No turn at the SQLite write lock within {Timeout.TotalSeconds:0} s.");
        return new Turn(turn);
    }

    /// <summary>Runs <paramref name="write"/> in this process's turn (a background writer's).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct = default)
    {
        using var _ = await EnterAsync(ct);
        return await write();
    }

    /// <summary>Runs <paramref name="write"/> in this process's turn (a background writer's).</summary>
    public async Task RunAsync(Func<Task> write, CancellationToken ct = default)
    {
        using var _ = await EnterAsync(ct);
        await write();
    }

    /// <summary>A held turn; disposing it passes the turn on (a default value holds nothing).</summary>
    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
