using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
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

namespace ChatEscalation.Bot.Tests.Security;

/// <summary>
/// A stand-in OpenID Connect provider on plain-HTTP loopback Kestrel, scripted like Entra ID or Sign in with Slack: discovery, JWKS,
/// an authorize endpoint that signs in whoever the browser's <see cref="UserHeader"/> names (or <see cref="DefaultUser"/>) and sends a
/// one-time code back, and a token endpoint that checks the client secret, the redirect address, the code (once) and the PKCE verifier
/// before it mints an RS256 id_token with the nonce, the e-mail and <c>email_verified</c>.
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    /// <summary>A request header the test's browser sends to say who signs in at the provider (the provider's login form, in effect).</summary>
    public const string UserHeader = "X-Test-Sign-In-As";

    public const string ClientId = "chatescalation-dashboard";
    public const string ClientSecret = "local-oidc-client-secret";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "oidc-key-1" };
    private readonly ConcurrentDictionary<string, Grant> grants = new(StringComparer.Ordinal);
    private int tokenRequests;
    private int refusedTokenRequests;

    private LocalOidcIssuer(WebApplication app) => this.app = app;

    /// <summary>Base URL (no trailing slash): the issuer and the value for <c>Auth:Authority</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who signs in when the browser does not say.</summary>
    public string DefaultUser { get; set; } = "maria@demo.local";

    /// <summary>Whether tokens say the e-mail is verified.</summary>
    public bool EmailVerified { get; set; } = true;

    public int TokenRequests => Volatile.Read(ref tokenRequests);

    public int RefusedTokenRequests => Volatile.Read(ref refusedTokenRequests);

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalOidcIssuer(app);
        app.MapGet("/.well-known/openid-configuration", issuer.Discovery);
        app.MapGet("/keys", issuer.Jwks);
        app.MapGet("/authorize", issuer.Authorize);
        app.MapPost("/token", issuer.TokenAsync);
        await app.StartAsync();
        issuer.Authority = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return issuer;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult Discovery() => Results.Json(new JsonObject
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/keys",
        ["response_types_supported"] = new JsonArray("code"),
        ["response_modes_supported"] = new JsonArray("query"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["code_challenge_methods_supported"] = new JsonArray("S256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email"),
    });

    private IResult Jwks()
    {
        var p = key.Rsa.ExportParameters(false);
        return Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            }),
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId) return Results.BadRequest("unknown client_id");
        if (q["response_type"] != "code") return Results.BadRequest("response_type must be code");
        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"])) return Results.BadRequest("PKCE (S256) is required");
        if (!((string?)q["scope"] ?? "").Split(' ').Contains("openid")) return Results.BadRequest("scope must include openid");
        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var back)) return Results.BadRequest("redirect_uri");
        var user = request.Headers[UserHeader].ToString() is { Length: > 0 } named ? named : DefaultUser;
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        grants[code] = new Grant(redirect, q["code_challenge"]!, q["nonce"].ToString(), user);
        return Results.Redirect($"{redirect}{(back.Query.Length > 0 ? "&" : "?")}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref tokenRequests);
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code") return Refuse("unsupported_grant_type");
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Refuse("invalid_client");
        if (!grants.TryRemove(form["code"].ToString(), out var grant)) return Refuse("invalid_grant"); // unknown, or used once already
        if (form["redirect_uri"] != grant.RedirectUri) return Refuse("invalid_grant");
        var verifier = form["code_verifier"].ToString();
        if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge) return Refuse("invalid_grant");

        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "sub-" + grant.User,
            ["email"] = grant.User,
            ["email_verified"] = EmailVerified,
            ["name"] = grant.User.Split('@')[0],
        };
        if (grant.Nonce.Length > 0) claims["nonce"] = grant.Nonce;
        var idToken = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new JsonObject
        {
            ["access_token"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 600,
            ["id_token"] = idToken,
        });
    }

    private IResult Refuse(string error)
    {
        Interlocked.Increment(ref refusedTokenRequests);
        return Results.Json(new JsonObject { ["error"] = error }, statusCode: StatusCodes.Status400BadRequest);
    }

    private sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, string User);
}
