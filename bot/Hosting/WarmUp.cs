using System.Diagnostics;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Hosting;

/// <summary>
/// Before the bot reports ready: raises and an Accept from each enabled platform through the workflow, rolled back
/// (<see cref="TicketWorkflow.WarmUpAsync"/>), so the first people to use the bot after a start or a deploy do not wait while EF Core
/// compiles its model and queries and the JIT compiles the path (about half a second for the first raise, more when many arrive at once).
/// On unless <c>Startup:WarmUp</c> is false; a failure is logged and the bot starts anyway. Slack's token check
/// (<see cref="SlackTokenCheck"/>), and Teams' signing keys (<see cref="TeamsKeysPrefetch"/>) and Connector token
/// (<see cref="TeamsTokenCheck"/>), run beside it, on or off, and the start waits for them at most <see cref="BesideWait"/> after it.
/// </summary>
public static class WarmUp
{
    /// <summary>Longest the warm-up may delay the start.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>Longest the start waits, after the warm-up, for the work started beside it (Slack's token check, Teams' keys and token).</summary>
    public static readonly TimeSpan BesideWait = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        // Network work runs beside the warm-up (it waits on the network, the warm-up on the CPU), whether the warm-up is on or not.
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var (slack, teams) = (services.GetRequiredService<IOptions<SlackOptions>>().Value, services.GetRequiredService<IOptions<TeamsOptions>>().Value);
        var beside = new List<(string What, Task? Work)>
        {
            ("Slack's answer to auth.test", SlackTokenCheck.Start(slack, services.GetRequiredService<ISlackApi>, logger, stopping)),
            ("The Bot Service's signing keys", TeamsKeysPrefetch.Start(teams, services.GetRequiredService<BotFrameworkSigningKeyCache>, logger, stopping)),
            ("The bot's Connector token", TeamsTokenCheck.Start(teams, services.GetRequiredService<IBotFrameworkTokenProvider>, logger, stopping)),
        };
        await WarmUpWorkflowAsync(services, configuration, logger);
        var until = Stopwatch.GetTimestamp() + (long)(BesideWait.TotalSeconds * Stopwatch.Frequency);
        foreach (var (what, work) in beside)
        {
            if (work is null) continue; // its platform is off
            var left = TimeSpan.FromSeconds(Math.Max(0, (until - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
            if (!await Done(work, left))
                logger.LogWarning("{What} did not arrive within {Wait:F0} s; starting without waiting (the outcome is logged when it comes)", what, BesideWait.TotalSeconds);
        }
    }

    private static async Task<bool> Done(Task work, TimeSpan wait)
    {
        try
        {
            await work.WaitAsync(wait);
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
