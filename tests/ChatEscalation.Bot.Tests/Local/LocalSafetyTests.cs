using System.Net;
using ChatEscalation.Bot.Local;
using ChatEscalation.Bot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Tests.Local;

/// <summary>The emulator next to real platforms: no demo clock (it would move real tickets), and no emulator unless enabled with a token.</summary>
public sealed class LocalSafetyTests
{
    [Fact]
    public async Task SlackConnected_DemoClockAskedFor_OffAndEmulatorOff()
    {
        await using var host = await SchedulingHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "real-signing-secret",
            ["Slack:BotToken"] = "xoxb-real",
            ["Local:DemoClock"] = "true",
        });

        var options = host.Services.GetRequiredService<IOptions<LocalOptions>>().Value;
        options.DemoClock.ShouldBeFalse();
        options.Enabled.ShouldBeFalse(); // kept only with Local:Enabled=true and Local:AccessToken (see Security/EmulatorAccessTests)
        host.Services.GetService<DemoClock>().ShouldBeNull();
        using var client = host.Client();
        using var state = await client.GetAsync("/local/state");
        state.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var act = await client.PostAsync("/local/actions", new StringContent("""{"user":"maria@demo.local","ticket":1,"action":"take_over"}""", System.Text.Encoding.UTF8, "application/json"));
        act.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NoPlatformConnected_EmulatorServesAnyCaller()
    {
        await using var host = await SchedulingHost.StartAsync();

        host.Services.GetRequiredService<IOptions<LocalOptions>>().Value.LoopbackOnly.ShouldBeFalse();
        using var client = host.Client();
        using var state = await client.GetAsync("/local/state");
        state.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
