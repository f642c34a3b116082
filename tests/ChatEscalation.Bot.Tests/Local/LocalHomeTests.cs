using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Browser;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Local;

/// <summary>The emulator's Home (<c>GET /local/home</c>) through the real host: the same view Slack and Teams get, and Accept works from it.</summary>
public sealed class LocalHomeTests
{
    [Fact]
    public async Task Home_TechnicianAcceptsFromIt_TheTicketMovesFromTheQueueToTheirOpenTickets()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        (await http.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text = "/ticket Printer on floor 3 jams" })).EnsureSuccessStatusCode();

        var before = await HomeAsync(http, "alice@demo.local");
        var queued = before["view"]!["queues"]![0]!["tickets"]!.AsArray().ShouldHaveSingleItem()!;
        queued["canAccept"]!.GetValue<bool>().ShouldBeTrue();
        before["blockKit"]!.AsArray().ShouldContain(b => b!["accessory"] != null && b["accessory"]!["action_id"]!.GetValue<string>() == "accept");
        before["adaptiveCard"]!["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");

        var accepted = await http.PostAsJsonAsync("/local/actions", new { user = "alice@demo.local", ticket = 1, action = "accept", fields = new { } });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = (await HomeAsync(http, "alice@demo.local"))["view"]!;
        after["queues"]![0]!["tickets"]!.AsArray().ShouldBeEmpty();
        after["mine"]!.AsArray().ShouldHaveSingleItem()!["statusText"]!.GetValue<string>().ShouldContain("In progress with Alice");
    }

    [Fact]
    public async Task Home_NoUser_BadRequestWithAReason()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var response = await http.GetAsync("/local/home");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("user is required");
    }

    private static async Task<JsonObject> HomeAsync(HttpClient http, string user) =>
        (await http.GetFromJsonAsync<JsonObject>("/local/home?user=" + Uri.EscapeDataString(user)))!;
}
