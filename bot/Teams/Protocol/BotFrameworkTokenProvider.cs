using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The bot's Connector token (protocols.md B1), acquired through <see cref="IBotFrameworkTokenSource"/> (MSAL: client secret,
/// certificate or managed identity) and cached here on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The token is renewed <see cref="RenewBefore"/> ahead of its expiry, or at once when the Connector refused it. Concurrent callers
/// share one in-flight request. Every acquisition asks the source for a fresh token, so this cache (not MSAL's, which runs on the
/// system clock) decides when a token is renewed.
/// </remarks>
public sealed class BotFrameworkTokenProvider(
    IBotFrameworkTokenSource source,
    TimeProvider time,
    ILogger<BotFrameworkTokenProvider> logger) : IBotFrameworkTokenProvider
{
    /// <summary>The scope requested for public-cloud Connector tokens (the default of <see cref="TeamsOptions.EffectiveScope"/>).</summary>
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>How long before expiry a cached token is renewed.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? cached;

    /// <inheritdoc />
    public async Task<string> GetTokenAsync(string? rejectedToken, CancellationToken ct)
    {
        if (Usable(cached, rejectedToken) is { } token) return token;
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Usable(cached, rejectedToken) is { } again) return again;
            var acquired = await source.AcquireAsync(ct).ConfigureAwait(false);
            cached = (acquired.AccessToken, time.GetUtcNow() + acquired.Lifetime);
            logger.LogDebug("Acquired a Connector token valid for {Lifetime}", acquired.Lifetime);
            return acquired.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Usable((string Token, DateTimeOffset ExpiresAt)? entry, string? rejectedToken) =>
        entry is { } e && e.Token != rejectedToken && time.GetUtcNow() < e.ExpiresAt - RenewBefore ? e.Token : null;
}
