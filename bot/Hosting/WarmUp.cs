using System.Diagnostics;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Hosting;

/// <summary>
/// Before the bot reports ready: raises and an Accept from each enabled platform through the workflow, rolled back
/// (<see cref="TicketWorkflow.WarmUpAsync"/>), so the first people to use the bot after a start or a deploy do not wait while EF Core
/// compiles its model and queries and the JIT compiles the path (about half a second for the first raise, more when many arrive at once).
/// On unless <c>Startup:WarmUp</c> is false; a failure is logged and the bot starts anyway.
/// </summary>
public static class WarmUp
{
    /// <summary>Longest the warm-up may delay the start.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        if (!configuration.GetValue("Startup:WarmUp", true)) return;
        var started = Stopwatch.GetTimestamp();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var platforms = scope.ServiceProvider.GetRequiredService<OutboxWriter>().EnabledPlatforms;
            var steps = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().WarmUpAsync(platforms, limit.Token);
            logger.LogInformation("Warmed up {Steps} raise and accept steps ({Platforms}) in {Elapsed:F0} ms, rolled back",
                steps, string.Join(", ", platforms), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The warm-up failed after {Elapsed:F0} ms; starting without it", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
