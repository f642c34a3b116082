using System.Threading.Channels;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Slack;

/// <summary>Slack calls made right after the HTTP answer has gone (<c>views.open</c>, whose trigger expires in 3 s), each with a Web API client from its own DI scope.</summary>
/// <remarks>A bounded in-memory queue drained by a hosted service; work lost on a crash is an unopened modal, never a ticket change or an
/// answer (those go through the outbox). A stop cancels what is queued.
/// Failures are logged and dropped.</remarks>
public sealed class SlackBackgroundWork(IServiceScopeFactory scopes, ILogger<SlackBackgroundWork> log) : BackgroundService
{
    private readonly Channel<(string Name, Func<ISlackApi, CancellationToken, Task> Work)> queue =
        Channel.CreateBounded<(string, Func<ISlackApi, CancellationToken, Task>)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    private int pending;

    /// <summary>Work items queued or running.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues <paramref name="work"/>; <paramref name="name"/> is for the log.</summary>
    public void Enqueue(string name, Func<ISlackApi, CancellationToken, Task> work)
    {
        Interlocked.Increment(ref pending);
        if (!queue.Writer.TryWrite((name, work))) Interlocked.Decrement(ref pending);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (name, work) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<ISlackApi>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Slack background work '{Name}' failed", name);
            }
            finally
            {
                Interlocked.Decrement(ref pending);
            }
        }
    }
}
