using System.Net;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackEndpointsConfigurationTests
{
    [Fact]
    public async Task Events_NoSigningSecret_503WithReason()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:SigningSecret"] = null });
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, "{}");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Slack:SigningSecret");
    }

    [Fact]
    public async Task Commands_SocketMode_404WithReason()
    {
        // Socket mode with no app token: nothing starts, and the HTTP endpoints say why they are not used.
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:Mode"] = "Socket" });
        var response = await host.PostFormAsync(SlackEndpoints.CommandsPath, "command=%2Fticket");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Socket Mode");
    }

    [Fact]
    public async Task Events_GetInsteadOfPost_405()
    {
        await using var host = await SlackTestHost.StartAsync();
        (await host.Client.GetAsync(SlackEndpoints.EventsPath)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
