using ChatEscalation.Bot.Outbox;
using ChatEscalation.Persistence.Knowledge;
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
            // The knowledge step of the raises since the last pass comes first, so a held card goes out in this same pass.
            await RunKnowledgeStepAsync(scope.ServiceProvider, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
        }
        finally
        {
            _dispatching.Release();
        }
    }

    /// <summary>Runs the knowledge step of every held raise; a failure is logged and the sweep sends those cards out after the timeout.</summary>
    private async Task RunKnowledgeStepAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<KnowledgeIntake>().RunPendingAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The knowledge step failed; the held cards go to the queue when their wait ends");
        }
    }
}
