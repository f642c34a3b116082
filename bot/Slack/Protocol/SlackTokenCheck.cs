namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// At start, Slack's <c>auth.test</c> with the bot token, as Bolt does when it starts: a wrong or revoked token is in the log at once,
/// not at the first card, and the Web API client's whole path (connection, retry pipeline, JSON) has run once before the first
/// person's lookup needs it. On a cold process that first call took about 0.19 s of the first raise's 0.3 s.
/// </summary>
/// <remarks>
/// Started beside the warm-up (<see cref="Hosting.WarmUp"/>), which waits for it at most <see cref="Hosting.WarmUp.BesideWait"/>: a slow or unreachable Slack
/// never holds the start longer. The answer is logged whenever it comes (identity as information; a refusal such as
/// <c>invalid_auth</c> as an error; a failure to reach Slack as a warning) and the bot starts either way: its webhooks still verify
/// and answer, and what it sends waits in the outbox until Slack takes it.
/// </remarks>
public static class SlackTokenCheck
{
    /// <summary>Starts the check when Slack is enabled with a bot token (then takes the client from <paramref name="api"/>); null otherwise.</summary>
    public static Task? Start(SlackOptions options, Func<ISlackApi> api, ILogger logger, CancellationToken ct) =>
        options.IsEnabled && !string.IsNullOrWhiteSpace(options.BotToken) ? CheckAsync(api(), logger, ct) : null;

    private static async Task CheckAsync(ISlackApi api, ILogger logger, CancellationToken ct)
    {
        try
        {
            var identity = await api.AuthTestAsync(ct);
            logger.LogInformation("Slack accepted the bot token (auth.test): bot user {User}, team {Team}", identity.UserId, identity.TeamId ?? "unknown");
        }
        catch (SlackApiException e)
        {
            logger.LogError("Slack refused the bot token at start (auth.test: {Error}); check Slack:BotToken. Webhooks are still answered; " +
                "cards and replies wait in the outbox until Slack accepts the token", e.Error);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning("Slack's auth.test failed at start ({Reason}); the bot starts anyway and tries Slack again with each message",
                e.GetType().Name + ": " + e.Message);
        }
    }
}
