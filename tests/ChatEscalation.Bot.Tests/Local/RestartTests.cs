using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Browser;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Local;

/// <summary>A restart of the demo keeps the emulator's history, its message ids and the demo clock (issue 13: it used to come back empty, at real time).</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_MidDemo_HistoryIdsAndClockComeBack()
    {
        var realTime = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero));
        var folder = EmulatorHost.NewFolder();
        DateTimeOffset before;
        List<string> idsBefore;
        await using (var first = await EmulatorHost.StartAsync(realTime, folder))
        {
            using var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
            (await http.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text = "/ticket VPN drops every 10 minutes" })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/local/clock", new { jump = "monday" })).EnsureSuccessStatusCode();
            var state = (await http.GetFromJsonAsync<JsonObject>("/local/state"))!;
            before = state["now"]!.GetValue<DateTimeOffset>();
            idsBefore = Ids(state);
        }

        try
        {
            realTime.Advance(TimeSpan.FromMinutes(2)); // the restart takes two real minutes
            await using var second = await EmulatorHost.StartAsync(realTime, folder);
            using var http = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
            var state = (await http.GetFromJsonAsync<JsonObject>("/local/state"))!;

            state["now"]!.GetValue<DateTimeOffset>().ShouldBe(before.AddMinutes(2), TimeSpan.FromSeconds(1));
            Ids(state).ShouldBe(idsBefore);
            (await http.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text = "status INC-000001" })).EnsureSuccessStatusCode();
            var after = Ids((await http.GetFromJsonAsync<JsonObject>("/local/state"))!);
            var newIds = after.Except(idsBefore).Select(id => long.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            newIds.ShouldNotBeEmpty();
            newIds.Min().ShouldBeGreaterThan(idsBefore.Max(id => long.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            EmulatorHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Restart_SystemClockSetBack_DemoClockDoesNotGoBackwards()
    {
        var realTime = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero));
        var folder = EmulatorHost.NewFolder();
        DateTimeOffset before;
        await using (var first = await EmulatorHost.StartAsync(realTime, folder))
        {
            using var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
            (await http.PostAsJsonAsync("/local/clock", new { jump = "end-of-day" })).EnsureSuccessStatusCode();
            before = (await http.GetFromJsonAsync<JsonObject>("/local/state"))!["now"]!.GetValue<DateTimeOffset>();
        }

        try
        {
            var setBack = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)); // a day earlier than before
            await using var second = await EmulatorHost.StartAsync(setBack, folder);
            using var http = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };

            (await http.GetFromJsonAsync<JsonObject>("/local/state"))!["now"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThanOrEqualTo(before);
        }
        finally
        {
            EmulatorHost.DeleteFolder(folder);
        }
    }

    private static List<string> Ids(JsonObject state) => state["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
}
