using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Client-credentials token acquisition for the Bot Connector (protocols.md B1): POST to
/// <see cref="TeamsOptions.EffectiveTokenEndpoint"/> with scope <c>https://api.botframework.com/.default</c>.
/// </summary>
/// <remarks>
/// The token is cached and renewed <see cref="RenewBefore"/> ahead of its expiry (per the injected
/// <see cref="TimeProvider"/>). Concurrent callers share one in-flight request.
/// </remarks>
public sealed class BotFrameworkTokenProvider(
    HttpClient http,
    IOptionsMonitor<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkTokenProvider> logger) : IBotFrameworkTokenProvider
{
    /// <summary>The scope requested for Connector tokens.</summary>
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
            cached = await RequestAsync(ct).ConfigureAwait(false);
            return cached.Value.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Usable((string Token, DateTimeOffset ExpiresAt)? entry, string? rejectedToken) =>
        entry is { } e && e.Token != rejectedToken && time.GetUtcNow() < e.ExpiresAt - RenewBefore ? e.Token : null;

    private async Task<(string, DateTimeOffset)> RequestAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.AppId ?? string.Empty,
            ["client_secret"] = o.AppPassword ?? string.Empty,
            ["scope"] = Scope,
        });
        using var response = await http.PostAsync(o.EffectiveTokenEndpoint, form, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogError("Bot Framework token request failed with {Status}", (int)response.StatusCode);
            throw new BotFrameworkTokenException($"Token endpoint answered {(int)response.StatusCode}.");
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var token = doc.RootElement.GetProperty("access_token").GetString()
                ?? throw new BotFrameworkTokenException("Token response has a null access_token.");
            var expiresIn = doc.RootElement.TryGetProperty("expires_in", out var e)
                ? (e.ValueKind == JsonValueKind.String ? int.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetInt32())
                : 3600;
            return (token, time.GetUtcNow().AddSeconds(expiresIn));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new BotFrameworkTokenException("Token response is not the expected JSON.", ex);
        }
    }
}
