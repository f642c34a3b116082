using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Browser;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Local;

/// <summary>Issue 14: <c>whatif</c> typed in the emulator answers the dry run's summary with a link that opens the same question on the what-if page.</summary>
public sealed class WhatIfChatTests
{
    [Fact]
    public async Task WhatIf_Typed_SummaryWithLinkToTheSameQuestionOnThePage()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var answer = (await (await http.PostAsJsonAsync("/local/messages", new { user = "maria@demo.local", text = "whatif P1 vip saturday 02:00" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>();

        answer.ShouldContain("What if a P1");
        var link = answer[(answer.IndexOf("The whole timeline: ", StringComparison.Ordinal) + "The whole timeline: ".Length)..].Trim();
        link.ShouldBe("/whatif?title=What-if%20ticket&priority=P1&reporter=victor%40demo.local&day=Saturday&time=02%3A00");
        (await http.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = (await http.GetFromJsonAsync<JsonObject>("/local" + link))!;
        page["priority"]!.GetValue<string>().ShouldBe("P1");
        answer.ShouldContain($"{page["summary"]!["pages"]!.GetValue<int>()} pages"); // the chat and the page ran the same dry run
        (await http.GetFromJsonAsync<JsonObject>("/local/state"))!["messages"]!.AsArray().ShouldNotContain(m => m!["ticket"] != null);
    }
}
