using ChatEscalation.Bot.Slack.Protocol;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Hosting.Health;

/// <summary>With Slack in Socket Mode, unhealthy while this process has no live connection (no events would reach it); healthy otherwise.</summary>
public sealed class SocketModeCheck(IOptionsMonitor<SlackOptions> options, SlackSocketModeState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        var result = o.Mode != SlackMode.Socket || !o.IsEnabled ? HealthCheckResult.Healthy("Socket Mode is not configured.")
            : state.IsConnected ? HealthCheckResult.Healthy("Socket Mode is connected.")
            : HealthCheckResult.Unhealthy("Socket Mode is configured but not connected.");
        return Task.FromResult(result);
    }
}
