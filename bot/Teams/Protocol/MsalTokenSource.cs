using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// <see cref="IBotFrameworkTokenSource"/> through MSAL (<c>Microsoft.Identity.Client</c>): client credentials with the secret
/// (<c>Teams:AppPassword</c>) or a certificate, or the host's managed identity, as <see cref="TeamsOptions.Credential"/> says.
/// </summary>
/// <remarks>
/// The authority is <see cref="TeamsOptions.EffectiveTokenEndpoint"/> without <c>/oauth2/v2.0/token</c>; the scope is
/// <see cref="TeamsOptions.EffectiveScope"/> (a managed identity asks for its resource, the scope without <c>/.default</c>).
/// MSAL's HTTP goes through the <see cref="HttpClientName"/> client of <see cref="IHttpClientFactory"/>. MSAL accepts only https
/// authorities: a token endpoint on plain http is allowed for loopback hosts only (local test doubles), and is reached through
/// <see cref="LoopbackPlainHttpHandler"/>. The MSAL application is built once, on first use.
/// </remarks>
public sealed class MsalTokenSource(
    IOptionsMonitor<TeamsOptions> options,
    IHttpClientFactory httpClientFactory,
    ILogger<MsalTokenSource> logger) : IBotFrameworkTokenSource
{
    /// <summary>Name of the HttpClient MSAL uses.</summary>
    public const string HttpClientName = "ChatEscalation.Teams.Token";

    private readonly Lazy<object> application = new(() => Build(options.CurrentValue, new FactoryAdapter(httpClientFactory)));

    /// <inheritdoc />
    public async Task<AcquiredToken> AcquireAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        try
        {
            var result = application.Value switch
            {
                IManagedIdentityApplication mi => await mi.AcquireTokenForManagedIdentity(ResourceOf(o.EffectiveScope)).WithForceRefresh(true).ExecuteAsync(ct).ConfigureAwait(false),
                IConfidentialClientApplication cca => await cca.AcquireTokenForClient([o.EffectiveScope]).WithForceRefresh(true).ExecuteAsync(ct).ConfigureAwait(false),
                _ => throw new InvalidOperationException("No MSAL application."),
            };

            // MSAL stamps ExpiresOn with the system clock; the same clock turns it back into a lifetime.
            return new AcquiredToken(result.AccessToken, result.ExpiresOn - TimeProvider.System.GetUtcNow());
        }
        catch (MsalServiceException ex)
        {
            logger.LogError("Connector token request ({Credential}) refused: {Status} {ErrorCode}", o.Credential, ex.StatusCode, ex.ErrorCode);
            throw new BotFrameworkTokenException($"The token endpoint answered {ex.StatusCode} {ex.ErrorCode}.", ex);
        }
        catch (MsalException ex)
        {
            logger.LogError("Connector token request ({Credential}) failed: {ErrorCode}", o.Credential, ex.ErrorCode);
            throw new BotFrameworkTokenException($"The Connector token could not be acquired: {ex.ErrorCode}.", ex);
        }
    }

    /// <summary>The MSAL authority of <paramref name="tokenEndpoint"/> (https, also for a loopback http endpoint).</summary>
    public static Uri AuthorityOf(string tokenEndpoint)
    {
        var authority = new UriBuilder(tokenEndpoint[..^TeamsOptions.TokenPathSuffix.Length]);
        if (authority.Scheme == Uri.UriSchemeHttp)
        {
            authority.Scheme = Uri.UriSchemeHttps;
            authority.Port = new Uri(tokenEndpoint).Port;
        }

        return authority.Uri;
    }

    private static string ResourceOf(string scope) =>
        scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;

    private static object Build(TeamsOptions o, IMsalHttpClientFactory http)
    {
        if (o.Credential == TeamsCredentialKind.ManagedIdentity)
        {
            var id = string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.WithUserAssignedClientId(o.ManagedIdentityClientId.Trim());
            return ManagedIdentityApplicationBuilder.Create(id).WithHttpClientFactory(http).Build();
        }

        var authority = AuthorityOf(o.EffectiveTokenEndpoint);
        var loopback = TeamsUrlRules.IsLoopbackHost(authority);
        var builder = ConfidentialClientApplicationBuilder.Create(o.AppId)
            .WithAuthority(authority.ToString(), validateAuthority: !loopback)
            .WithInstanceDiscovery(!loopback)
            .WithHttpClientFactory(http);
        builder = o.Credential == TeamsCredentialKind.Certificate
            ? builder.WithCertificate(TeamsCertificateLoader.Load(o), o.CertificateSendX5c)
            : builder.WithClientSecret(o.AppPassword ?? string.Empty);
        return builder.Build();
    }

    private sealed class FactoryAdapter(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
