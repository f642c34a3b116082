using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Dispatches the outbox right after each commit that wrote messages (<c>Outbox:DispatchOnCommit</c>), instead of waiting for the next scheduled pass.</summary>
public sealed class OutboxWakeupService(OutboxSignal signal, IEscalationRunner runner, IOptions<SchedulerOptions> options, IOptions<Outbox.OutboxOptions> outbox, ILogger<OutboxWakeupService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!outbox.Value.DispatchOnCommit) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.DispatchEverySeconds), stoppingToken))
                    await runner.DispatchNowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogError(e, "Outbox dispatch after wake-up failed; the scheduled pass retries");
            }
        }
    }
}
