using System.Net;
using ChatEscalation.Bot.Local;
using ChatEscalation.Bot.Tests.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Tests.Security;

/// <summary>
/// The emulator next to real platforms: off unless enabled explicitly with an access token, and then every request must carry the token,
/// whatever address it comes from (behind a reverse proxy on the same host every caller is 127.0.0.1).
/// </summary>
public sealed class EmulatorAccessTests
{
    private const string Token = "emulator-token-0123456789abcdef";

    private static Dictionary<string, string?> Slack(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Slack:SigningSecret"] = "real-signing-secret", ["Slack:BotToken"] = "xoxb-real" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>A request as a same-host reverse proxy makes it: from 127.0.0.1, naming the remote caller in X-Forwarded-For.</summary>
    private static Task<HttpContext> ProxiedAsync(SchedulingHost host, string pathAndQuery, Action<HttpRequest>? more = null) =>
        ((TestServer)host.Services.GetRequiredService<IServer>()).SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            c.Request.Method = "GET";
            var q = pathAndQuery.IndexOf('?');
            c.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
            c.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            more?.Invoke(c.Request);
        });

    [Fact]
    public async Task SlackConnected_EmulatorNotEnabledExplicitly_OffEvenFromLoopback()
    {
        await using var host = await SchedulingHost.StartAsync(settings: Slack(("Local:DemoClock", "true")));

        var options = host.Services.GetRequiredService<IOptions<LocalOptions>>().Value;
        options.Enabled.ShouldBeFalse();
        options.DemoClock.ShouldBeFalse();
        host.Services.GetService<LocalChannelStore>().ShouldBeNull();
        (await ProxiedAsync(host, "/local/state")).Response.StatusCode.ShouldBe(404);
        (await ProxiedAsync(host, "/")).Response.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task SlackConnected_EnabledWithoutToken_StartUpRefusedNamingTheKey()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() => SchedulingHost.StartAsync(settings: Slack(("Local:Enabled", "true"))));

        error.Message.ShouldContain("Local:AccessToken");
    }

    [Fact]
    public async Task SlackConnected_ProxiedRequestForState_401WithoutTheToken200WithIt()
    {
        await using var host = await SchedulingHost.StartAsync(settings: Slack(("Local:Enabled", "true"), ("Local:AccessToken", Token)));

        var anonymous = await ProxiedAsync(host, "/local/state");
        var wrong = await ProxiedAsync(host, "/local/state", r => r.Headers[LocalAccessFilter.HeaderName] = Token + "x");
        var withToken = await ProxiedAsync(host, "/local/state", r => r.Headers[LocalAccessFilter.HeaderName] = Token);

        anonymous.Response.StatusCode.ShouldBe(401);
        wrong.Response.StatusCode.ShouldBe(401);
        withToken.Response.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task SlackConnected_TakeOverFromProxiedCallerWithoutToken_Refused()
    {
        await using var host = await SchedulingHost.StartAsync(settings: Slack(("Local:Enabled", "true"), ("Local:AccessToken", Token)));
        using var client = host.Client();

        using var act = await client.PostAsync("/local/actions",
            new StringContent("""{"user":"maria@demo.local","ticket":1,"action":"take_over"}""", System.Text.Encoding.UTF8, "application/json"));

        act.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PageOpenedWithToken_RedirectsWithoutItAndTheCookieCarriesLaterRequests()
    {
        await using var host = await SchedulingHost.StartAsync(settings: Slack(("Local:Enabled", "true"), ("Local:AccessToken", Token)));

        var opened = await ProxiedAsync(host, "/?token=" + Uri.EscapeDataString(Token) + "&channel=tier-1");
        var setCookie = opened.Response.Headers.SetCookie.ToString();
        var cookie = setCookie.Split(';')[0];
        var state = await ProxiedAsync(host, "/local/state", r => r.Headers.Cookie = cookie);
        var wrongQuery = await ProxiedAsync(host, "/?token=nope");

        opened.Response.StatusCode.ShouldBe(302);
        opened.Response.Headers.Location.ToString().ShouldBe("/?channel=tier-1");
        setCookie.ShouldStartWith(LocalAccessFilter.CookieName + "=");
        setCookie.ShouldNotContain(Token);
        setCookie.ShouldContain("httponly", Case.Insensitive);
        setCookie.ShouldContain("samesite=strict", Case.Insensitive);
        state.Response.StatusCode.ShouldBe(200);
        wrongQuery.Response.StatusCode.ShouldBe(401);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task NoPlatformConnected_CrossSiteFormPost_RefusedForItsContentType(string contentType)
    {
        // What a page on another site can send without a CORS preflight: a "simple" form or text body. The emulator reads JSON only.
        await using var host = await SchedulingHost.StartAsync();
        using var client = host.Client();

        using var act = await client.PostAsync("/local/actions",
            new StringContent("""{"user":"maria@demo.local","ticket":1,"action":"take_over"}""", System.Text.Encoding.UTF8, contentType));

        act.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task NoPlatformConnected_EmulatorServesAnyCallerWithoutToken()
    {
        await using var host = await SchedulingHost.StartAsync();

        (await ProxiedAsync(host, "/local/state")).Response.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task ForwardedProto_OnlyFromAKnownProxy_MakesTheCookieSecure()
    {
        await using var host = await SchedulingHost.StartAsync(settings: Slack(
            ("Local:Enabled", "true"), ("Local:AccessToken", Token), ("ForwardedHeaders:KnownProxies:0", "10.0.0.5")));

        var viaKnown = await ProxiedAsync(host, "/?token=" + Token, r =>
        {
            r.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
            r.Headers["X-Forwarded-Proto"] = "https";
        });
        var viaLoopback = await ProxiedAsync(host, "/?token=" + Token, r => r.Headers["X-Forwarded-Proto"] = "https");

        viaKnown.Response.Headers.SetCookie.ToString().ShouldContain("secure", Case.Insensitive);
        viaKnown.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("203.0.113.9"));
        viaLoopback.Response.Headers.SetCookie.ToString().ShouldNotContain("secure", Case.Insensitive);
        viaLoopback.Connection.RemoteIpAddress.ShouldBe(IPAddress.Loopback);
    }
}
