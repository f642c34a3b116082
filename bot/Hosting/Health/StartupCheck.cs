using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatEscalation.Bot.Hosting.Health;

/// <summary>Healthy once start-up finished: the policy is loaded and compiled, migrations ran, endpoints and jobs are in place (<see cref="Readiness"/>).</summary>
public sealed class StartupCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("The policy is loaded and start-up finished.")
            : HealthCheckResult.Unhealthy("Starting: the policy or the migrations are not in place yet."));
}
