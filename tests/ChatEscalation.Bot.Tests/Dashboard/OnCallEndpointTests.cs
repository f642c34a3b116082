using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Browser;

namespace ChatEscalation.Bot.Tests.Dashboard;

public class OnCallEndpointTests
{
    [Fact]
    public async Task GetOnCall_DemoPolicy_EveryRotationLayerWithWhoIsOnNowAndNext()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var lines = (await http.GetFromJsonAsync<JsonArray>("/dashboard/api/oncall"))!;

        // service-desk (1 layer) + desktop-apps (2) + infrastructure (2) in the demo policy
        lines.Count.ShouldBe(5);
        var tier2 = lines.Where(l => (int)l!["tier"]! == 2).ToList();
        tier2.Select(l => (string)l!["layer"]!).ShouldBe(["primary", "secondary"]);
        tier2.ShouldAllBe(l => new[] { "Carol (Tier 2)", "Dave (Tier 2)" }.Contains((string?)l!["nowName"]));
        ((string)tier2[0]!["nowName"]!).ShouldNotBe((string)tier2[1]!["nowName"]!);
    }
}
