using System.Collections.Concurrent;
using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Slack;

/// <summary>
/// Publishes Slack App Homes (<c>views.publish</c>): at once when a person opens theirs (<c>app_home_opened</c>), and again, debounced,
/// when a ticket change concerns them (<see cref="HomeAudience"/>, told through <see cref="ITicketChanges"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Only for people who opened the home since the process started (at most <see cref="MaxOpeners"/>, the least recently opened
/// forgotten first). Kept in memory, not in the database: Slack sends <c>app_home_opened</c> every time a person opens the tab, so after
/// a restart their first look publishes a fresh home; nobody else's home needs pushing, and no migration or write per open is needed.</item>
/// <item>Debounced per person: the first change schedules a publish <see cref="Debounce"/> later; changes meanwhile join it (the view is
/// read from the store when it is published, so it shows them all). A burst of changes is one publish per person.</item>
/// <item>One bounded background worker publishes, one person at a time (Slack allows 100+ <c>views.publish</c> a minute). A 429 waits its
/// <c>Retry-After</c> (5 s when Slack gives none) and tries again, at most <see cref="MaxAttempts"/> times; any other failure is logged and
/// dropped. The ticket work is never at stake: it was committed before, and the next open or change publishes again.</item>
/// <item>A change is told when it is staged, before its commit; publishing <see cref="Debounce"/> later reads it committed (a change
/// rolled back and decided again is told again).</item>
/// </list>
/// </remarks>
public sealed class SlackHomeRefresher(IServiceScopeFactory scopes, IPolicyProvider policies, TimeProvider time, ILogger<SlackHomeRefresher> log)
    : BackgroundService, ITicketChanges
{
    /// <summary>How long changes for one person are gathered before their home is published.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait after a 429 without <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Most people remembered as having opened their home.</summary>
    public const int MaxOpeners = 10_000;

    /// <summary>Most attempts at one publish (the first and the retries after 429s).</summary>
    public const int MaxAttempts = 5;

    private readonly ConcurrentDictionary<string, Opener> openers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Due, int Attempt)> pending = new(StringComparer.Ordinal);
    private readonly System.Threading.Channels.Channel<bool> signal =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });
    private int publishing;

    /// <summary>Publishes waiting or under way (for tests and health: zero when the worker is idle).</summary>
    public int Pending
    {
        get
        {
            lock (pending) return pending.Count + Volatile.Read(ref publishing);
        }
    }

    /// <summary>People who opened their home and are still remembered.</summary>
    public int Openers => openers.Count;

    /// <summary>A person opened their home (Slack user <paramref name="slackUserId"/>): remember them and publish it now.</summary>
    public void Opened(UserRef person, string slackUserId)
    {
        var key = person.Key.ToLowerInvariant();
        if (!openers.ContainsKey(key) && openers.Count >= MaxOpeners
            && openers.OrderBy(o => o.Value.OpenedAt).FirstOrDefault() is { Key: { } oldest }) openers.TryRemove(oldest, out _);
        openers[key] = new Opener(slackUserId, person, time.GetUtcNow());
        Schedule(key, time.GetUtcNow(), 1);
    }

    /// <inheritdoc />
    public void Staged(HomeChange change)
    {
        if (openers.IsEmpty) return;
        var now = time.GetUtcNow();
        foreach (var key in HomeAudience.Concerned(change, policies.Current, now))
            if (openers.ContainsKey(key)) Schedule(key, now + Debounce, 1);
    }

    /// <summary>Adds or brings forward the person's publish (a later change joins the one already waiting).</summary>
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
                Interlocked.Add(ref publishing, due.Count);
            }

            foreach (var (key, attempt) in due)
            {
                try
                {
                    await PublishAsync(key, attempt, stoppingToken);
                }
                finally
                {
                    Interlocked.Decrement(ref publishing);
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

    /// <summary>When the person's next publish is due; null when none waits (for tests and diagnostics).</summary>
    public DateTimeOffset? DueOf(string key)
    {
        lock (pending) return pending.TryGetValue(key.ToLowerInvariant(), out var p) ? p.Due : null;
    }

    private async Task PublishAsync(string key, int attempt, CancellationToken ct)
    {
        if (!openers.TryGetValue(key, out var opener)) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var people = scope.ServiceProvider.GetRequiredService<SlackPeopleResolver>();
            var home = await scope.ServiceProvider.GetRequiredService<HomeBuilder>().BuildAsync(opener.Person, await people.ZoneAsync(opener.SlackUserId, ct), ct);
            await scope.ServiceProvider.GetRequiredService<ISlackApi>().PublishHomeAsync(opener.SlackUserId, SlackHomeRenderer.Render(home), ct);
        }
        catch (SlackRateLimitedException e) when (attempt < MaxAttempts)
        {
            var wait = e.RetryAfter ?? DefaultRetryAfter;
            log.LogInformation("views.publish for {User} rate limited; trying again in {Wait}", opener.SlackUserId, wait);
            Schedule(key, time.GetUtcNow() + wait, attempt + 1);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "views.publish for {User} failed (attempt {Attempt}); their next open or ticket change publishes again", opener.SlackUserId, attempt);
        }
    }

    private sealed record Opener(string SlackUserId, UserRef Person, DateTimeOffset OpenedAt);
}
