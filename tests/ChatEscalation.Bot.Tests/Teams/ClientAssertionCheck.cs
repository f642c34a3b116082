using System.Security.Cryptography.X509Certificates;
using System.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// What Entra ID checks in a certificate client-credentials request (RFC 7523 client assertion): the assertion type, a JWT signed by
/// the registered certificate, naming it in <c>x5t</c> or <c>x5t#S256</c>, with <c>iss</c> = <c>sub</c> = the app id and <c>aud</c> =
/// the token endpoint; and no client secret beside it. Plugs into <see cref="LocalTeamsConnector.CredentialCheck"/>.
/// </summary>
public static class ClientAssertionCheck
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Null when <paramref name="request"/> carries a valid assertion by <paramref name="registered"/>; otherwise why not.</summary>
    public static string? Refusal(RecordedRequest request, X509Certificate2 registered, string appId, string audience)
    {
        var form = HttpUtility.ParseQueryString(request.Body);
        if (form["client_secret"] is not null) return "a client secret was sent";
        if (form["client_assertion_type"] != JwtBearerType) return $"client_assertion_type is '{form["client_assertion_type"]}'";
        if (form["client_id"] != appId) return "client_id is not the app id";
        var assertion = form["client_assertion"];
        if (string.IsNullOrEmpty(assertion)) return "no client_assertion";

        var handler = new JsonWebTokenHandler();
        var token = handler.ReadJsonWebToken(assertion);
        var thumbprintSha1 = Base64UrlEncoder.Encode(registered.GetCertHash());
        var thumbprintSha256 = Base64UrlEncoder.Encode(registered.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256));
        var named = (token.TryGetHeaderValue<string>("x5t", out var x5t) && x5t == thumbprintSha1)
            || (token.TryGetHeaderValue<string>("x5t#S256", out var x5tS256) && x5tS256 == thumbprintSha256);
        if (!named) return "the assertion does not name the registered certificate";

        var result = handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = appId,
            ValidAudience = audience,
            IssuerSigningKey = new X509SecurityKey(registered),
            RequireSignedTokens = true,
        }).GetAwaiter().GetResult();
        if (!result.IsValid) return "assertion invalid: " + result.Exception?.Message;
        return token.Subject == appId ? null : "sub is not the app id";
    }
}
