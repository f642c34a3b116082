using ChatEscalation.Bot.Outbox;
using ChatEscalation.Persistence.Sweeping;
using ChatEscalation.Persistence.Telemetry;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Runs the sweep and the dispatcher in a fresh scope each, never two of the same kind at once in this process.</summary>
public sealed class EscalationRunner(IServiceScopeFactory scopes, TimeProvider time, ILogger<EscalationRunner> log, EscalationMetrics? metrics = null) : IEscalationRunner
{
    private readonly SemaphoreSlim _sweeping = new(1, 1);
    private readonly SemaphoreSlim _dispatching = new(1, 1);

    public async Task SweepNowAsync(CancellationToken cancellationToken = default)
    {
        await _sweeping.WaitAsync(cancellationToken);
        try
        {
            using var span = EscalationTelemetry.Source.StartActivity("sweep");
            var started = time.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var sweeper = scope.ServiceProvider.GetRequiredService<DeadlineSweeper>();
            var result = await sweeper.SweepAsync(time.GetUtcNow(), 500, cancellationToken);
            span?.SetTag("chatescalation.tickets_fired", result.Tickets).SetTag("chatescalation.events", result.Events).SetTag("chatescalation.skipped", result.Skipped);
            metrics?.RecordSweep(time.GetElapsedTime(started), result.Tickets);
            if (result.Events > 0) log.LogInformation("Sweep fired {Fired}", result.Fired);
        }
        finally
        {
            _sweeping.Release();
        }
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().NextDueAsync(cancellationToken);
    }

    public async Task DispatchNowAsync(CancellationToken cancellationToken = default)
    {
        await _dispatching.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
        }
        finally
        {
            _dispatching.Release();
        }
    }
}
