using System.Threading.Channels;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Slack;

/// <summary>Slow Slack work (views.open, chat.postEphemeral, DM replies) run after the HTTP answer has gone, each with a Web API client from its own DI scope.</summary>
/// <remarks>A bounded in-memory queue drained by a hosted service; work lost on a crash is a reply, never a ticket change (those go through the outbox).
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
