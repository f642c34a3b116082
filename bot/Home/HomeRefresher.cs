using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Home;

/// <summary>
/// Refreshes the homes people keep on one platform (<typeparamref name="TTarget"/>: where their home is shown) when a ticket change concerns
/// them (<see cref="HomeAudience"/>, told through <see cref="ITicketChanges"/>): the Slack App Home, the Teams home card.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Only for people remembered since the process started (<see cref="Remember"/>: they looked at their home), at most
/// <see cref="HomeRefresh.MaxPeople"/>, the least recently remembered forgotten first; remembering again replaces the target. Kept in memory,
/// not in the database: the person's next look starts it again after a restart, and no migration or write per look is needed.</item>
/// <item>Debounced per person: the first change schedules a refresh <see cref="HomeRefresh.Debounce"/> later; changes meanwhile join it (the
/// home is read from the store when it is refreshed, so it shows them all). A burst of changes is one refresh per person.</item>
/// <item>One background worker refreshes, one person at a time. A rate limit (<see cref="RetryAfterOf"/>) waits its <c>Retry-After</c>
/// (<see cref="HomeRefresh.DefaultRetryAfter"/> when none is given) and tries again, at most <see cref="HomeRefresh.MaxAttempts"/> times; a
/// target that is gone (<see cref="IsGone"/>) is forgotten; any other failure is logged and dropped. The ticket work is never at stake: it
/// was committed before, and the next look or change refreshes again.</item>
/// <item>A change is told when it is staged, before its commit; refreshing <see cref="HomeRefresh.Debounce"/> later reads it committed (a
/// change rolled back and decided again is told again).</item>
/// </list>
/// </remarks>
public abstract class HomeRefresher<TTarget>(IPolicyProvider policies, TimeProvider time, ILogger log) : BackgroundService, IHomeRefresher
    where TTarget : class
{
    private readonly ConcurrentDictionary<string, Entry> people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Due, int Attempt)> pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int refreshing;

    /// <inheritdoc />
    public int Pending
    {
        get
        {
            lock (pending) return pending.Count + Volatile.Read(ref refreshing);
        }
    }

    /// <summary>People remembered (whose home is refreshed on change).</summary>
    public int Remembered => people.Count;

    /// <summary>Where <paramref name="key"/>'s home is remembered to be (any case); null when it is not.</summary>
    public TTarget? TargetOf(string key) => people.TryGetValue(key.ToLowerInvariant(), out var entry) ? entry.Target : null;

    /// <summary>When the person's next refresh is due; null when none waits (for tests and diagnostics).</summary>
    public DateTimeOffset? DueOf(string key)
    {
        lock (pending) return pending.TryGetValue(key.ToLowerInvariant(), out var p) ? p.Due : null;
    }

    /// <summary>
    /// Remembers that <paramref name="person"/>'s home is at <paramref name="target"/> (replacing where it was before), so later changes
    /// refresh it; with <paramref name="refreshNow"/> it is refreshed at once as well.
    /// </summary>
    protected void Remember(UserRef person, TTarget target, bool refreshNow)
    {
        var key = person.Key.ToLowerInvariant();
        if (!people.ContainsKey(key) && people.Count >= HomeRefresh.MaxPeople
            && people.OrderBy(p => p.Value.At).FirstOrDefault() is { Key: { } oldest }) people.TryRemove(oldest, out _);
        people[key] = new Entry(person, target, time.GetUtcNow());
        if (refreshNow) Schedule(key, time.GetUtcNow(), 1);
    }

    /// <summary>Forgets the home remembered under <paramref name="key"/> and any refresh waiting for it; true when one was remembered.</summary>
    protected bool Forget(string key)
    {
        key = key.ToLowerInvariant();
        lock (pending) pending.Remove(key);
        return people.TryRemove(key, out _);
    }

    /// <inheritdoc />
    public void Staged(HomeChange change)
    {
        if (people.IsEmpty) return;
        var now = time.GetUtcNow();
        foreach (var key in HomeAudience.Concerned(change, policies.Current, now))
            if (people.ContainsKey(key)) Schedule(key, now + HomeRefresh.Debounce, 1);
    }

    /// <summary>Shows <paramref name="person"/>'s home, read now, at <paramref name="target"/>; throws what the platform answered.</summary>
    protected abstract Task RefreshAsync(UserRef person, TTarget target, CancellationToken ct);

    /// <summary>How long to wait when <paramref name="failure"/> is the platform's rate limit (null: it is not).</summary>
    protected abstract TimeSpan? RetryAfterOf(Exception failure);

    /// <summary>True when <paramref name="failure"/> says the target no longer exists: it is forgotten.</summary>
    protected virtual bool IsGone(Exception failure) => false;

    /// <summary>The target for the log (e.g. the Slack user, the Teams activity).</summary>
    protected abstract string Describe(TTarget target);

    /// <summary>Adds or brings forward the person's refresh (a later change joins the one already waiting).</summary>
    private void Schedule(string key, DateTimeOffset due, int attempt)
    {
        lock (pending)
        {
            pending[key] = pending.TryGetValue(key, out var waiting) && waiting.Due <= due ? waiting : (due, attempt);
        }

        signal.Writer.TryWrite(true); // at most one wake-up waits: a burst of changes wakes the worker once
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            List<(string Key, int Attempt)> due;
            DateTimeOffset? next;
            lock (pending)
            {
                due = pending.Where(p => p.Value.Due <= now).Select(p => (p.Key, p.Value.Attempt)).ToList();
                foreach (var (key, _) in due) pending.Remove(key);
                next = pending.Count == 0 ? null : pending.Values.Min(p => p.Due);
                Interlocked.Add(ref refreshing, due.Count);
            }

            foreach (var (key, attempt) in due)
            {
                try
                {
                    await RefreshOneAsync(key, attempt, stoppingToken);
                }
                finally
                {
                    Interlocked.Decrement(ref refreshing);
                }
            }

            if (due.Count > 0) continue;
            await WaitAsync(next, stoppingToken);
        }
    }

    /// <summary>Until something is scheduled or the host's clock reaches <paramref name="until"/>.</summary>
    private async Task WaitAsync(DateTimeOffset? until, CancellationToken ct)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signalled = signal.Reader.WaitToReadAsync(wake.Token).AsTask();
        var timer = until is { } at ? Task.Delay(Max(at - time.GetUtcNow(), TimeSpan.Zero), time, wake.Token) : Task.Delay(Timeout.Infinite, wake.Token);
        if (until is null || time.GetUtcNow() < until) await Task.WhenAny(signalled, timer); // the clock may have moved while the timer was set
        signal.Reader.TryRead(out _);
        await wake.CancelAsync();
        await Task.WhenAll(signalled, timer).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        ct.ThrowIfCancellationRequested();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task RefreshOneAsync(string key, int attempt, CancellationToken ct)
    {
        if (!people.TryGetValue(key, out var remembered)) return;
        try
        {
            await RefreshAsync(remembered.Person, remembered.Target, ct);
        }
        catch (Exception e) when (RetryAfterOf(e) is { } wait && attempt < HomeRefresh.MaxAttempts)
        {
            log.LogInformation("Home refresh of {Target} rate limited; trying again in {Wait}", Describe(remembered.Target), wait);
            Schedule(key, time.GetUtcNow() + wait, attempt + 1);
        }
        catch (Exception e) when (IsGone(e))
        {
            people.TryRemove(new KeyValuePair<string, Entry>(key, remembered)); // unless a newer home replaced it meanwhile
            log.LogInformation("Home of {Target} is gone; forgotten until the person asks for it again", Describe(remembered.Target));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Home refresh of {Target} failed (attempt {Attempt}); the next look or ticket change refreshes again", Describe(remembered.Target), attempt);
        }
    }

    private sealed record Entry(UserRef Person, TTarget Target, DateTimeOffset At);
}
