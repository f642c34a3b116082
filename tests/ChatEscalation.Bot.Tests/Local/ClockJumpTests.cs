using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Browser;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Local;

/// <summary>The emulator's clock jumps through the real host: deadlines passed on the way fire at their own minute, not late.</summary>
public sealed class ClockJumpTests
{
    [Fact]
    public async Task Jump_PastSeveralDeadlines_EachFiresAtItsOwnTime_NoneMarkedLate()
    {
        // Wednesday 11 March 2026, 10:00 in London (= UTC): no holiday near, so the desk (Mon–Fri 08:00–18:00) next opens Thursday 08:00.
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        await JumpAsync(http, "end-of-day"); // Wednesday 18:00: closed

        (await http.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text = "/ticket Payroll export fails for the whole team" }))
            .EnsureSuccessStatusCode();

        await JumpAsync(http, "monday");
        var end = await JumpAsync(http, "end-of-day");

        var state = (await http.GetFromJsonAsync<JsonObject>("/local/state"))!;
        var fromOutbox = state["messages"]!.AsArray()
            .Where(m => m!["ticket"]?.GetValue<long?>() == 1 && m["kind"]!.GetValue<string>() is "alert" or "thread" or "direct")
            .Select(m => (Text: m!["text"]!.GetValue<string>(), At: m["at"]!.GetValue<DateTimeOffset>()))
            .ToList();
        fromOutbox.ShouldNotContain(m => m.Text.Contains("Late by"));
        // Stamped at the minutes they fell due during the jumps, not all at the end of a jump: re-pages 10 minutes apart,
        // and the page ends the minute the desk opens (Thursday 08:00).
        var first = fromOutbox.Single(m => m.Text.StartsWith("Paging ") && m.Text.Contains("(primary): INC-000001")).At;
        var second = fromOutbox.Single(m => m.Text.StartsWith("Paging ") && m.Text.Contains("(primary) (page 2): INC-000001")).At;
        (second - first).TotalMinutes.ShouldBe(10, tolerance: 0.1);
        var ended = fromOutbox.Single(m => m.Text.StartsWith("Paging for INC-000001 ended")).At;
        ended.ShouldBe(new DateTimeOffset(2026, 3, 12, 8, 0, 0, TimeSpan.Zero), tolerance: TimeSpan.FromSeconds(1));
        fromOutbox.ShouldNotContain(m => m.At > ended.AddSeconds(1) && m.Text.Contains("Paging"));
        fromOutbox.Max(m => m.At).ShouldBeLessThanOrEqualTo(end);
    }

    private static async Task<DateTimeOffset> JumpAsync(HttpClient http, string jump)
    {
        using var response = await http.PostAsJsonAsync("/local/clock", new { jump });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["now"]!.GetValue<DateTimeOffset>();
    }
}
