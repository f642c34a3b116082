using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// A stand-in for the two issuers of inbound Teams tokens on plain-HTTP loopback Kestrel: Bot Service (OpenID metadata and a
/// JWKS whose keys carry <c>endorsements</c>) and Entra ID (per-tenant v2 metadata and a JWKS of its own, without endorsements),
/// minting RS256 tokens of either kind. Reusable for end-to-end tests that sign activities posted to <c>/api/messages</c>.
/// </summary>
public sealed class LocalBotFrameworkIssuer : IAsyncDisposable
{
    /// <summary>The issuer every genuine Bot Framework token carries.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The key id published at start.</summary>
    public const string DefaultKeyId = "local-key-1";

    /// <summary>The Entra key id published at start (in the Entra JWKS only).</summary>
    public const string EntraKeyId = "entra-key-1";

    private readonly object sync = new();
    private readonly Dictionary<string, (RsaSecurityKey Key, string[] Endorsements)> published = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private readonly RsaSecurityKey entraKey = new(RSA.Create(2048)) { KeyId = EntraKeyId };
    private int jwksHits;
    private int metadataHits;
    private int entraJwksHits;

    private LocalBotFrameworkIssuer(WebApplication app)
    {
        this.app = app;
        PublishKey(DefaultKeyId, "msteams");
    }

    /// <summary>Value for <c>Teams:EntraOpenIdMetadataUrl</c> (with the <c>{tenant}</c> placeholder).</summary>
    public string EntraMetadataUrlTemplate => BaseUrl + "/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>The key Entra tokens are signed with.</summary>
    public RsaSecurityKey EntraKey => entraKey;

    /// <summary>How many times an Entra JWKS was fetched (any tenant).</summary>
    public int EntraJwksHits => Volatile.Read(ref entraJwksHits);

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:53123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Value for <c>Teams:OpenIdMetadataUrl</c>.</summary>
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>How many times the JWKS document was fetched.</summary>
    public int JwksHits => Volatile.Read(ref jwksHits);

    /// <summary>How many times the metadata document was fetched.</summary>
    public int MetadataHits => Volatile.Read(ref metadataHits);

    /// <summary>Starts the issuer on an ephemeral loopback port.</summary>
    public static async Task<LocalBotFrameworkIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalBotFrameworkIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", issuer.Metadata);
        app.MapGet("/v1/.well-known/keys", issuer.Jwks);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => issuer.EntraMetadata(tenant));
        app.MapGet("/{tenant}/discovery/v2.0/keys", issuer.EntraJwks);
        await app.StartAsync();
        issuer.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return issuer;
    }

    /// <summary>Creates a new RSA key under <paramref name="kid"/> and publishes it with the given endorsements.</summary>
    public RsaSecurityKey PublishKey(string kid, params string[] endorsements)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid };
        lock (sync) published[kid] = (key, endorsements);
        return key;
    }

    /// <summary>Removes a key from the JWKS (its tokens can no longer be validated after a refresh).</summary>
    public void UnpublishKey(string kid)
    {
        lock (sync) published.Remove(kid);
    }

    /// <summary>A fresh RSA key that is NOT published (for unknown-kid and bad-signature cases).</summary>
    public static RsaSecurityKey CreateUnpublishedKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>The published key with id <paramref name="kid"/>.</summary>
    public RsaSecurityKey Key(string kid = DefaultKeyId)
    {
        lock (sync) return published[kid].Key;
    }

    /// <summary>
    /// Mints a Bot Framework channel token. Defaults: issuer <see cref="BotFrameworkIssuer"/>, key
    /// <see cref="DefaultKeyId"/>, RS256, valid from <paramref name="now"/> − 1 min to <paramref name="now"/> + 1 h.
    /// </summary>
    public string MintToken(
        string audience,
        string serviceUrl,
        DateTimeOffset now,
        string issuer = BotFrameworkIssuer,
        SecurityKey? signingKey = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = audience, ["ver"] = "1.0" },
            SigningCredentials = new SigningCredentials(signingKey ?? Key(), algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>
    /// Mints an Entra-issued token for <paramref name="tenantId"/>: issuer <c>https://sts.windows.net/{tenant}/</c> (v1) or
    /// <c>https://login.microsoftonline.com/{tenant}/v2.0</c> (v2), claim <c>tid</c> (default: the issuer's tenant), no
    /// <c>serviceurl</c>, signed by <see cref="EntraKey"/> unless <paramref name="signingKey"/> says otherwise.
    /// </summary>
    public string MintEntraToken(
        string audience,
        string tenantId,
        DateTimeOffset now,
        bool v2 = true,
        string? tidClaim = null,
        SecurityKey? signingKey = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = v2 ? $"https://login.microsoftonline.com/{tenantId}/v2.0" : $"https://sts.windows.net/{tenantId}/",
            Audience = audience,
            IssuedAt = now.AddMinutes(-1).UtcDateTime,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tidClaim ?? tenantId,
                [v2 ? "azp" : "appid"] = "00000000-0000-0000-0000-00000000b0b0",
                ["ver"] = v2 ? "2.0" : "1.0",
            },
            SigningCredentials = new SigningCredentials(signingKey ?? entraKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult Metadata()
    {
        Interlocked.Increment(ref metadataHits);
        return Results.Json(new JsonObject
        {
            ["issuer"] = BotFrameworkIssuer,
            ["authorization_endpoint"] = BaseUrl + "/authorize",
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256", "RS384", "RS512"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private IResult EntraMetadata(string tenant) => Results.Json(new JsonObject
    {
        ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
        ["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/v2.0/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    });

    private IResult EntraJwks()
    {
        Interlocked.Increment(ref entraJwksHits);
        return Results.Json(new JsonObject { ["keys"] = new JsonArray(Jwk(entraKey, null)) });
    }

    private static JsonObject Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        return jwk;
    }

    private IResult Jwks()
    {
        Interlocked.Increment(ref jwksHits);
        var keys = new JsonArray();
        lock (sync)
        {
            foreach (var (key, endorsements) in published.Values)
            {
                keys.Add(Jwk(key, endorsements));
            }
        }

        return Results.Json(new JsonObject { ["keys"] = keys });
    }
}
