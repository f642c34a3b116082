using System.Diagnostics;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Hosting;

/// <summary>
/// Before the bot reports ready: raises and an Accept from each enabled platform through the workflow, rolled back
/// (<see cref="TicketWorkflow.WarmUpAsync"/>), so the first people to use the bot after a start or a deploy do not wait while EF Core
/// compiles its model and queries and the JIT compiles the path (about half a second for the first raise, more when many arrive at once).
/// On unless <c>Startup:WarmUp</c> is false; a failure is logged and the bot starts anyway. Slack's token check
/// (<see cref="SlackTokenCheck"/>) runs beside it, on or off, and the start waits for it at most <see cref="SlackTokenCheck.Wait"/>.
/// </summary>
public static class WarmUp
{
    /// <summary>Longest the warm-up may delay the start.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        // Slack's token check runs beside the warm-up (it waits on the network, the warm-up on the CPU) and whether or not it is on.
        var tokenCheck = SlackTokenCheck.Start(services.GetRequiredService<IOptions<SlackOptions>>().Value, services.GetRequiredService<ISlackApi>, logger,
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        await WarmUpWorkflowAsync(services, configuration, logger);
        if (tokenCheck is not null && !await Answered(tokenCheck, SlackTokenCheck.Wait))
            logger.LogWarning("Slack's auth.test has not answered within {Wait:F0} s; starting without it (its answer is logged when it comes)", SlackTokenCheck.Wait.TotalSeconds);
    }

    private static async Task<bool> Answered(Task check, TimeSpan wait)
    {
        try
        {
            await check.WaitAsync(wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task WarmUpWorkflowAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
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
