using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Fetches and caches OpenID metadata and its JWKS, one snapshot per metadata URL (the Bot Service's, and each allowed tenant's
/// Entra metadata), so every issuer is checked against its own keys. The JWKS is parsed by hand too, because standard parsing
/// drops each key's <c>endorsements</c> (Bot Service keys have them; Entra keys have none).
/// </summary>
/// <remarks>
/// For each metadata URL the snapshot is refetched when older than <see cref="TeamsOptions.MetadataMaxAge"/> (24 h), and on a
/// lookup of an unknown <c>kid</c> when the last fetch of that URL is at least <see cref="TeamsOptions.MetadataMinRefreshInterval"/>
/// old (a failed attempt counts as a fetch for this throttle). Fetches are single-flight per URL. A failed refresh keeps the previous
/// snapshot; with no snapshot at all every lookup tries again.
/// </remarks>
public sealed class BotFrameworkSigningKeyCache(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkSigningKeyCache> logger)
{
    /// <summary>Name of the HttpClient used for metadata and JWKS fetches.</summary>
    public const string HttpClientName = "ChatEscalation.Teams.Metadata";

    private readonly ConcurrentDictionary<string, Source> sources = new(StringComparer.Ordinal);

    /// <summary>The Bot Service keys (<see cref="TeamsOptions.EffectiveOpenIdMetadataUrl"/>) for <paramref name="kid"/>.</summary>
    public Task<BotFrameworkSigningKeys?> GetForKeyIdAsync(string kid, CancellationToken ct) =>
        GetForKeyIdAsync(options.CurrentValue.EffectiveOpenIdMetadataUrl, kid, ct);

    /// <summary>
    /// Fetches the Bot Service keys now unless a snapshot is already held: at start, so the first activity does not wait for the
    /// metadata and JWKS round trips. Counts as a fetch like any other (for <see cref="TeamsOptions.MetadataMinRefreshInterval"/>);
    /// false when no keys are held afterwards (the failure is logged, and the first activity tries again).
    /// </summary>
    public async Task<bool> PrefetchAsync(CancellationToken ct)
    {
        var url = options.CurrentValue.EffectiveOpenIdMetadataUrl;
        if (sources.TryGetValue(url, out var held) && held.Current is not null) return true;
        return await GetForKeyIdAsync(url, kid: "", ct).ConfigureAwait(false) is not null; // no key has an empty id: fetches when none are held
    }

    /// <summary>
    /// Returns a snapshot of the keys published through <paramref name="metadataUrl"/> that contains <paramref name="kid"/> when
    /// possible, refreshing as described in the remarks. The caller must still check that the key is present.
    /// </summary>
    public async Task<BotFrameworkSigningKeys?> GetForKeyIdAsync(string metadataUrl, string kid, CancellationToken ct)
    {
        var source = sources.GetOrAdd(metadataUrl, static _ => new Source());
        var snapshot = source.Current;
        if (snapshot is not null && !IsStale(snapshot) && snapshot.KeysById.ContainsKey(kid)) return snapshot;

        await source.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            snapshot = source.Current;
            var now = time.GetUtcNow();
            var lastFetch = source.LastAttemptAt is { } attempt && snapshot is not null && attempt > snapshot.FetchedAt ? attempt : snapshot?.FetchedAt;
            var mayRefetch = snapshot is null || IsStale(snapshot)
                || (!snapshot.KeysById.ContainsKey(kid) && now - lastFetch >= options.CurrentValue.MetadataMinRefreshInterval);
            if (!mayRefetch) return snapshot;

            source.LastAttemptAt = now;
            try
            {
                source.Current = await FetchAsync(metadataUrl, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or ArgumentException)
            {
                logger.LogWarning(ex, "Fetching signing keys from {MetadataUrl} failed; keeping the previous keys", metadataUrl);
            }

            return source.Current;
        }
        finally
        {
            source.Gate.Release();
        }
    }

    private bool IsStale(BotFrameworkSigningKeys snapshot) =>
        time.GetUtcNow() - snapshot.FetchedAt >= options.CurrentValue.MetadataMaxAge;

    private async Task<BotFrameworkSigningKeys> FetchAsync(string metadataUrl, CancellationToken ct)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        string? jwksUri;
        var algorithms = new List<string>();
        using (var metadata = JsonDocument.Parse(await http.GetStringAsync(RequireSecure(metadataUrl), ct).ConfigureAwait(false)))
        {
            jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var j) ? j.GetString() : null;
            if (metadata.RootElement.TryGetProperty("id_token_signing_alg_values_supported", out var algs) && algs.ValueKind == JsonValueKind.Array)
            {
                algorithms.AddRange(algs.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
            }
        }

        var jwksJson = await http.GetStringAsync(RequireSecure(jwksUri), ct).ConfigureAwait(false);
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(jwksJson).GetSigningKeys())
        {
            if (!string.IsNullOrEmpty(key.KeyId)) keys[key.KeyId] = key;
        }

        var snapshot = new BotFrameworkSigningKeys(keys, ReadEndorsements(jwksJson), algorithms, time.GetUtcNow());
        logger.LogInformation("Fetched {KeyCount} signing keys from {JwksUri}", keys.Count, jwksUri);
        return snapshot;
    }

    private static Uri RequireSecure(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !TeamsUrlRules.IsSecureOrLoopback(uri))
        {
            throw new InvalidOperationException($"Refusing insecure or missing metadata URL '{url}'.");
        }

        return uri;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadEndorsements(string jwksJson)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(jwksJson);
        if (!doc.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array) return map;
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String) continue;
            var endorsements = key.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
                : [];
            map[kid.GetString()!] = endorsements;
        }

        return map;
    }

    /// <summary>The cached state of one metadata URL.</summary>
    private sealed class Source
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile BotFrameworkSigningKeys? Current;

        public DateTimeOffset? LastAttemptAt { get; set; }
    }
}
