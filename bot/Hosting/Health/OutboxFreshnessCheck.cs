using ChatEscalation.Persistence.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Hosting.Health;

/// <summary>
/// Unhealthy when the oldest undelivered outbox message is older than <see cref="OutboxHealthOptions.StaleAfter"/>: messages are
/// being written but not delivered (the platform is down, or no dispatcher runs). Reports backlog, age and parked count.
/// </summary>
public sealed class OutboxFreshnessCheck(OutboxSampleQuery query, OutboxGauges gauges, TimeProvider time, IOptionsMonitor<OutboxHealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sample = await query.SampleAsync(time.GetUtcNow(), cancellationToken);
        gauges.Set(sample);
        var data = new Dictionary<string, object>
        {
            ["backlog"] = sample.Backlog,
            ["oldestPendingAgeSeconds"] = (long)sample.OldestPendingAge.TotalSeconds,
            ["parked"] = sample.Parked,
        };
        var staleAfter = options.CurrentValue.StaleAfter;
        return sample.OldestPendingAge > staleAfter
            ? HealthCheckResult.Unhealthy($"The oldest undelivered outbox message has waited {sample.OldestPendingAge:g}, more than Outbox:StaleAfter ({staleAfter:g}).", data: data)
            : HealthCheckResult.Healthy($"{sample.Backlog} message(s) waiting, the oldest for {sample.OldestPendingAge:g}.", data);
    }
}
