using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Validates the <c>Authorization</c> header of inbound Bot Framework requests (protocols.md A2/A4, H): <c>Bearer</c> scheme,
/// RS256/RS384/RS512 only, audience = AppId, lifetime ±5 min against the injected <see cref="TimeProvider"/>, and by issuer:
/// <list type="bullet">
/// <item>Bot Service tokens (issuer <see cref="TeamsOptions.EffectiveBotServiceIssuer"/>): key from the Bot Service metadata, key
/// endorsement of the activity's channelId and the <c>serviceurl</c> claim equal to the activity's;</item>
/// <item>Entra tokens (an issuer of <see cref="TeamsOptions.EffectiveEntraIssuers"/> for an allowed tenant, when
/// <see cref="TeamsOptions.AcceptEntraTokens"/>): key from that tenant's Entra metadata, <c>tid</c> equal to the issuer's tenant,
/// no endorsement or <c>serviceurl</c> requirement.</item>
/// </list>
/// The issuer is read before anything is fetched, so an unknown issuer costs no network call; each kind's keys come from its own
/// metadata (<see cref="BotFrameworkSigningKeyCache"/>, refresh on unknown kid).
/// </summary>
/// <remarks>
/// Validation has two phases so that the endpoint can refuse an unauthenticated request before it reports
/// anything about the body: <see cref="AuthenticateAsync"/> (token only) then
/// <see cref="AuthorizeActivity"/> (binding to the activity). <see cref="ValidateAsync"/> runs both.
/// Failures are logged with their reason, never with the token.
/// </remarks>
public sealed class BotFrameworkTokenValidator(
    BotFrameworkSigningKeyCache keyCache,
    IOptionsMonitor<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkTokenValidator> logger)
{
    /// <summary>The issuer of public-cloud Bot Service tokens (the default of <see cref="TeamsOptions.EffectiveBotServiceIssuer"/>).</summary>
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The claim carrying the tenant id in Entra tokens.</summary>
    public const string TenantClaim = "tid";

    /// <summary>The claim carrying the service URL the token was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Lifetime tolerance for <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>Runs <see cref="AuthenticateAsync"/> then <see cref="AuthorizeActivity"/>.</summary>
    public async Task<BotFrameworkAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        var result = await AuthenticateAsync(authorizationHeader, ct).ConfigureAwait(false);
        return result.Succeeded ? AuthorizeActivity(result, channelId, serviceUrl) : result;
    }

    /// <summary>Checks the header and the token itself: scheme, algorithm, key, signature, issuer, audience, lifetime.</summary>
    public async Task<BotFrameworkAuthResult> AuthenticateAsync(string? authorizationHeader, CancellationToken ct)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, ct).ConfigureAwait(false);
        if (!result.Succeeded) logger.LogWarning("Bot Framework token refused: {Reason}", result.FailureReason);
        return result;
    }

    /// <summary>
    /// For a Bot Service token, checks that the signing key endorses <paramref name="channelId"/> and that the token's
    /// <c>serviceurl</c> claim equals <paramref name="serviceUrl"/> (case-insensitive). Entra tokens carry neither: they pass.
    /// </summary>
    public BotFrameworkAuthResult AuthorizeActivity(BotFrameworkAuthResult authenticated, string? channelId, string? serviceUrl)
    {
        var reason = !authenticated.Succeeded ? authenticated.FailureReason ?? "not authenticated"
            : authenticated.IssuerKind == TokenIssuerKind.Entra ? null
            : string.IsNullOrEmpty(channelId) ? "activity has no channelId"
            : !authenticated.Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase) ? $"signing key '{authenticated.KeyId}' does not endorse channel '{channelId}'"
            : string.IsNullOrEmpty(serviceUrl) ? "activity has no serviceUrl"
            : !string.Equals(authenticated.Identity!.FindFirst(ServiceUrlClaim)?.Value, serviceUrl, StringComparison.OrdinalIgnoreCase) ? "serviceurl claim does not match activity.serviceUrl"
            : null;
        if (reason is null) return authenticated;
        logger.LogWarning("Bot Framework token refused: {Reason}", reason);
        return BotFrameworkAuthResult.Fail(reason);
    }

    private async Task<BotFrameworkAuthResult> AuthenticateCoreAsync(string? authorizationHeader, CancellationToken ct)
    {
        var parts = authorizationHeader?.Split(' ');
        if (parts is not { Length: 2 } || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            return BotFrameworkAuthResult.Fail(authorizationHeader is null ? "no Authorization header" : "Authorization header is not 'Bearer <token>'");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return BotFrameworkAuthResult.Fail("token is not a well-formed JWS");
        }

        if (!AllowedAlgorithms.Contains(unvalidated.Alg, StringComparer.Ordinal)) return BotFrameworkAuthResult.Fail($"algorithm '{unvalidated.Alg}' is not allowed");
        var o = options.CurrentValue;
        var entraTenant = o.AcceptEntraTokens ? EntraIssuerMatch.TenantOf(unvalidated.Issuer, o.EffectiveEntraIssuers, o.AllowedTenants) : null;
        var kind = string.Equals(unvalidated.Issuer, o.EffectiveBotServiceIssuer, StringComparison.Ordinal) ? TokenIssuerKind.BotService
            : entraTenant is not null ? TokenIssuerKind.Entra
            : (TokenIssuerKind?)null;
        if (kind is null) return BotFrameworkAuthResult.Fail($"issuer '{unvalidated.Issuer}' is neither Bot Service ({o.EffectiveBotServiceIssuer}) nor an Entra issuer of an allowed tenant");
        var kid = unvalidated.Kid;
        if (string.IsNullOrEmpty(kid)) return BotFrameworkAuthResult.Fail("token has no kid");

        var metadataUrl = kind == TokenIssuerKind.Entra ? o.EntraOpenIdMetadataUrlFor(entraTenant!) : o.EffectiveOpenIdMetadataUrl;
        var keys = await keyCache.GetForKeyIdAsync(metadataUrl, kid, ct).ConfigureAwait(false);
        if (keys is null) return BotFrameworkAuthResult.Fail($"signing keys of {kind} are unavailable");
        if (!keys.KeysById.TryGetValue(kid, out var key)) return BotFrameworkAuthResult.Fail($"unknown {kind} signing key id '{kid}'");
        if (keys.SupportedAlgorithms.Count > 0 && !keys.SupportedAlgorithms.Contains(unvalidated.Alg, StringComparer.Ordinal))
        {
            return BotFrameworkAuthResult.Fail($"algorithm '{unvalidated.Alg}' is not advertised by the metadata");
        }

        var validation = await handler.ValidateTokenAsync(unvalidated, Parameters(key, unvalidated.Issuer, o.AppId)).ConfigureAwait(false);
        if (!validation.IsValid) return BotFrameworkAuthResult.Fail($"token validation failed: {validation.Exception?.GetType().Name}");

        if (kind == TokenIssuerKind.Entra)
        {
            var tid = validation.ClaimsIdentity.FindFirst(TenantClaim)?.Value;
            if (!string.Equals(tid, entraTenant, StringComparison.OrdinalIgnoreCase)) return BotFrameworkAuthResult.Fail($"Entra token tid '{tid}' is not its issuer's tenant");
            return new BotFrameworkAuthResult(validation.ClaimsIdentity, kid, [], null) { IssuerKind = TokenIssuerKind.Entra, TenantId = entraTenant };
        }

        var endorsements = keys.EndorsementsById.TryGetValue(kid, out var e) ? e : [];
        return new BotFrameworkAuthResult(validation.ClaimsIdentity, kid, endorsements, null);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        // The handler's built-in check reads the system clock; this one uses the injected TimeProvider.
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }

    private TokenValidationParameters Parameters(SecurityKey key, string issuer, string? audience) => new()
    {
        ValidIssuer = issuer,
        ValidateIssuer = true,
        ValidAudience = audience,
        ValidateAudience = true,
        IssuerSigningKey = key,
        ValidateIssuerSigningKey = true,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        ValidAlgorithms = AllowedAlgorithms,
    };
}
