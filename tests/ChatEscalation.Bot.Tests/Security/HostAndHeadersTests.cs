using System.Net;
using ChatEscalation.Bot.Hosting.Security;
using ChatEscalation.Bot.Tests.Scheduling;

namespace ChatEscalation.Bot.Tests.Security;

/// <summary>Host filtering (DNS rebinding), security headers on the pages, and request body limits per route.</summary>
public sealed class HostAndHeadersTests
{
    [Theory]
    [InlineData("rebind.attacker.example")]
    [InlineData("evil.example:5080")]
    public async Task ForeignHostHeader_400(string host)
    {
        await using var bot = await SchedulingHost.StartAsync();
        using var client = bot.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/local/state");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    [InlineData("bot.example.org")]
    public async Task LoopbackNamesAndThePublicBaseUrlsHost_Answered(string host)
    {
        await using var bot = await SchedulingHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:PublicBaseUrl"] = "https://bot.example.org/" });
        using var client = bot.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AllowedHostsConfigured_ReplacesTheDefaults()
    {
        await using var bot = await SchedulingHost.StartAsync(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "desk.example.org" });
        using var client = bot.Client();

        using var localhost = await client.GetAsync("/healthz");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "desk.example.org";
        using var named = await client.SendAsync(request);

        localhost.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        named.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    [InlineData("/tickets/1")]
    public async Task HtmlPages_CarryCspWithoutInlineScriptNoFramingNosniffAndReferrerPolicy(string path)
    {
        await using var bot = await SchedulingHost.StartAsync();
        using var client = bot.Client();

        using var response = await client.GetAsync(path);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
    }

    [Theory]
    [InlineData("/local/messages", RequestBodyLimits.EmulatorBytes)]
    [InlineData("/api/messages", RequestBodyLimits.PlatformBytes)]
    [InlineData("/slack/events", RequestBodyLimits.PlatformBytes)]
    [InlineData("/dashboard/api/parked/1/retry", RequestBodyLimits.DashboardBytes)]
    public async Task BodyOverTheRoutesLimit_413BeforeTheHandler(string path, long limit)
    {
        await using var bot = await SchedulingHost.StartAsync();
        using var client = bot.Client();

        using var over = await client.PostAsync(path, new ByteArrayContent(new byte[limit + 1]));

        over.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task EmulatorTicketOverTheDescriptionLimit_UnderTheBodyLimit_RefusedNamingTheLimit()
    {
        await using var bot = await SchedulingHost.StartAsync();
        using var client = bot.Client();
        var json = $$"""{"user":"uma@demo.local","channel":"it-help","text":"/ticket {{new string('x', 20_000)}}"}""";

        using var response = await client.PostAsync("/local/messages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("the limit is 4,000");
    }
}
