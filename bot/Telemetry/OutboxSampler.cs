using ChatEscalation.Persistence.Telemetry;

namespace ChatEscalation.Bot.Telemetry;

/// <summary>
/// Samples the outbox (backlog, age of the oldest waiting message, parked messages) for the gauges every
/// <see cref="Interval"/>, so collecting metrics never queries the database.
/// </summary>
public sealed class OutboxSampler(IServiceScopeFactory scopes, OutboxGauges gauges, TimeProvider time, ILogger<OutboxSampler> log) : BackgroundService
{
    /// <summary>How often the outbox is sampled.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Samples once now.</summary>
    public async Task<OutboxSample> SampleAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sample = await scope.ServiceProvider.GetRequiredService<OutboxSampleQuery>().SampleAsync(time.GetUtcNow(), ct);
        gauges.Set(sample);
        return sample;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sampling the outbox for its gauges failed; the gauges keep the last sample");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
