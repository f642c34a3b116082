using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// At start, the Bot Service's signing keys (OpenID metadata and JWKS, <see cref="BotFrameworkSigningKeyCache.PrefetchAsync"/>), so
/// the first Teams activity after a start or a deploy does not wait for those two round trips before its token can be checked.
/// </summary>
/// <remarks>
/// Started beside the warm-up (<see cref="Hosting.WarmUp"/>), which waits for it at most <see cref="Hosting.WarmUp.BesideWait"/>. The
/// cache logs the fetch (how many keys, from where) or its failure; a failure here only means the first activity fetches them, as
/// it did before. The bot starts either way.
/// </remarks>
public static class TeamsKeysPrefetch
{
    /// <summary>Starts the fetch when Teams is enabled (then takes the cache from <paramref name="cache"/>); null otherwise.</summary>
    public static Task? Start(TeamsOptions options, Func<BotFrameworkSigningKeyCache> cache, ILogger logger, CancellationToken ct) =>
        options.IsEnabled ? FetchAsync(cache(), logger, ct) : null;

    private static async Task FetchAsync(BotFrameworkSigningKeyCache cache, ILogger logger, CancellationToken ct)
    {
        try
        {
            if (!await cache.PrefetchAsync(ct)) logger.LogWarning("The Bot Service's signing keys could not be fetched at start; the first Teams activity fetches them");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning("Fetching the Bot Service's signing keys at start failed ({Reason}); the first Teams activity fetches them",
                e.GetType().Name + ": " + e.Message);
        }
    }
}
