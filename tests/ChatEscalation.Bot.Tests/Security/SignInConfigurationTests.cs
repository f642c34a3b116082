using System.Net;

namespace ChatEscalation.Bot.Tests.Security;

/// <summary>Sign-in required but not configured keeps the pages closed; an http provider that is not on loopback stops start-up.</summary>
public sealed class SignInConfigurationTests
{
    [Fact]
    public async Task SlackConnected_NoProviderConfigured_Dashboard503NamingTheKeys()
    {
        await using var host = await SignedInHost.StartAsync(issuer: null);
        using var browser = host.Browser(null);

        using var page = await browser.GetAsync("/dashboard");
        using var ticket = await browser.GetAsync("/tickets/1");

        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Auth:Authority");
        ticket.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Authority_PlainHttpNotLoopback_StartUpRefused()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() => SignedInHost.StartAsync(null, new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "http://login.example.org/tenant/v2.0",
            ["Auth:ClientId"] = "x",
        }));

        error.Message.ShouldContain("Auth:Authority must be an https address");
    }
}
