using System.Threading.Channels;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Teams whose roster should be read now (the bot was just added to them), for <see cref="TeamsRosterWorker"/>: the install is
/// answered at once and the roster, which may take many pages, is read behind it.
/// </summary>
public sealed class TeamsRosterQueue
{
    private readonly Channel<string> _teams = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private int _pending;
    private TaskCompletionSource _idle = Completed();

    /// <summary>Asks for <paramref name="teamId"/>'s roster to be read (once, while an earlier request for it still waits).</summary>
    public void Request(string teamId)
    {
        lock (_gate)
        {
            if (!_waiting.Add(teamId)) return;
            if (_pending++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _teams.Writer.TryWrite(teamId);
    }

    /// <summary>The next team to read (the worker's side).</summary>
    public async ValueTask<string> NextAsync(CancellationToken ct)
    {
        var team = await _teams.Reader.ReadAsync(ct);
        lock (_gate) _waiting.Remove(team);
        return team;
    }

    /// <summary>The worker finished one request (read, skipped or failed).</summary>
    public void Done()
    {
        lock (_gate)
        {
            if (--_pending == 0) _idle.TrySetResult();
        }
    }

    /// <summary>Completes once every request made so far is done (tests and shutdown wait on it, no polling).</summary>
    public Task IdleAsync(CancellationToken ct = default)
    {
        lock (_gate) return _idle.Task.WaitAsync(ct);
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
