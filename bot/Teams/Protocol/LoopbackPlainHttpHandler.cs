namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// On MSAL's HttpClient: MSAL speaks only https, while local test doubles of the token endpoint run on plain http on loopback
/// (allowed for loopback hosts only). A request MSAL sends to <c>https://</c> a loopback host and port whose configured
/// <see cref="TeamsOptions.EffectiveTokenEndpoint"/> is <c>http://</c> goes out as http; every other request is unchanged.
/// </summary>
public sealed class LoopbackPlainHttpHandler(Func<string> tokenEndpoint) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { Scheme: "https" } target && TeamsUrlRules.IsLoopbackHost(target)
            && Uri.TryCreate(tokenEndpoint(), UriKind.Absolute, out var configured) && configured.Scheme == Uri.UriSchemeHttp
            && TeamsUrlRules.IsLoopbackHost(configured)
            && string.Equals(configured.Host, target.Host, StringComparison.OrdinalIgnoreCase) && configured.Port == target.Port)
        {
            request.RequestUri = new UriBuilder(target) { Scheme = Uri.UriSchemeHttp, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
