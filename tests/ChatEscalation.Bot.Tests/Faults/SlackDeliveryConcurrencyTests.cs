using System.Net;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Faults;

/// <summary>
/// The outbox delivers several messages at once (<c>Outbox:Concurrency</c> per platform), against the running host and the Slack
/// double holding one kind of call in flight: a slow call for one ticket holds up neither another ticket's card nor another platform,
/// and a ticket's own messages still go one at a time, in order.
/// </summary>
public sealed class SlackDeliveryConcurrencyTests : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice, Bob = SlackChatUser.Bob, Maria = SlackChatUser.Maria;
    private static readonly string Tier1 = RunningSlackChatHost.TierChannel(1);
    private RunningSlackChatHost? host;
    private TaskCompletionSource? release;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        release?.TrySetResult(); // a failed check leaves no call held
        if (host is not null) await host.DisposeAsync();
    }

    [Fact]
    public async Task SlowCardUpdateOfOneTicket_AnotherTicketsCardGoesOutMeanwhile_TheFirstTicketsNextMessagesWaitTheirTurn()
    {
        host = await StartAsync([]);
        var first = await RaiseAsync(Uma, "VPN drops every 10 minutes");
        await host.DispatchAsync();
        var firstCard = host.Api.Calls.Single(c => c.Method == "chat.postMessage" && c["channel"] == Tier1).AnsweredTs!;
        await InteractAsync(SlackChatPayloads.BlockAction(Alice, Tier1, firstCard, "accept", first, "1773136801.000100"));
        var held = host.Api.Hold("chat.update"); // Slack takes its time over the accepted ticket's card update
        release = held.Release;
        var second = await RaiseAsync(Bob, "Printer on floor 3 jams on every page");
        var before = host.Api.Calls.Count;

        var dispatch = host.DispatchAsync();
        await held.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        var secondCard = await host.Api.WaitForAsync("chat.postMessage", before, c => c["channel"] == Tier1 && c["thread_ts"] is null);
        secondCard.BlockText.ShouldContain($"INC-{second:D6}");
        // The first ticket's thread line and Uma's DM come after its card update, which Slack has not answered yet.
        host.Api.Calls.Skip(before).ShouldNotContain(c => c["thread_ts"] == firstCard || c["channel"] == Uma.DmChannel);

        held.Release.SetResult();
        await dispatch.WaitAsync(TimeSpan.FromSeconds(20));
        var calls = host.Api.Calls.Skip(before).ToList();
        var update = calls.FindIndex(c => c.Method == "chat.update" && c["ts"] == firstCard);
        var line = calls.FindIndex(c => c.Method == "chat.postMessage" && c["thread_ts"] == firstCard);
        var dm = calls.FindIndex(c => c.Method == "chat.postMessage" && c["channel"] == Uma.DmChannel);
        update.ShouldBeGreaterThanOrEqualTo(0);
        line.ShouldBeGreaterThan(update);
        dm.ShouldBeGreaterThan(update);
        (await RowsAsync()).ShouldAllBe(o => o.State == OutboxState.Sent);
    }

    [Fact]
    public async Task SlackPostsHang_TheEmulatorsCopiesStillGoOut_EvenOfATicketRaisedMeanwhile_OneSendAtATimePerPlatform()
    {
        host = await StartAsync(new() { ["Outbox:Concurrency"] = "1", ["Local:Enabled"] = "true", ["Local:AccessToken"] = "local-token-0123456789abcdef0123456789" });
        var held = host.Api.Hold("chat.postMessage");
        release = held.Release;
        await RaiseAsync(Uma, "VPN drops every 10 minutes");
        await RaiseAsync(Bob, "Printer on floor 3 jams on every page");

        var dispatch = host.DispatchAsync();
        await held.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 200 && (await RowsAsync()).Any(o => o.Platform == "local" && o.State != OutboxState.Sent); i++) await Task.Delay(50);
        var rows = await RowsAsync();
        rows.Where(o => o.Platform == "local").ShouldNotBeEmpty();
        rows.Where(o => o.Platform == "local").ShouldAllBe(o => o.State == OutboxState.Sent);
        rows.Count(o => o.Platform == "slack" && o.State == OutboxState.Sending).ShouldBe(1); // one Slack send at a time: the held one
        rows.Count(o => o.Platform == "slack" && o.State == OutboxState.Pending).ShouldBeGreaterThan(0);

        // A ticket raised while the pass waits on Slack: nothing wakes the pass (its Slack send never finishes), yet the emulator's
        // idle worker looks again and delivers it.
        var third = await RaiseAsync(Maria, "Badge reader at door 2 dead");
        for (var i = 0; i < 100 && !(await RowsAsync()).Any(o => o.Platform == "local" && o.TicketNumber == third && o.State == OutboxState.Sent); i++) await Task.Delay(50);
        (await RowsAsync()).Where(o => o.Platform == "local" && o.TicketNumber == third).ShouldAllBe(o => o.State == OutboxState.Sent);
        (await RowsAsync()).Where(o => o.Platform == "local" && o.TicketNumber == third).ShouldNotBeEmpty();

        held.Release.SetResult();
        await dispatch.WaitAsync(TimeSpan.FromSeconds(20));
        (await RowsAsync()).ShouldAllBe(o => o.State == OutboxState.Sent || o.State == OutboxState.Skipped);
        host.Api.Calls.Count(c => c.Method == "chat.postMessage" && c["channel"] == Tier1).ShouldBe(3);
    }

    private static Task<RunningSlackChatHost> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Knowledge:AtIntake"] = "false"; // cards go out with the raise
        return RunningSlackChatHost.StartAsync(dispatchOnCommit: false, settings);
    }

    private async Task<long> RaiseAsync(SlackChatUser user, string text)
    {
        using var response = await host!.PostAsync("/slack/commands", SlackChatPayloads.Command(user, "/ticket", text), "application/x-www-form-urlencoded");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return long.Parse(Regex.Match(await response.Content.ReadAsStringAsync(), @"INC-(\d+)").Groups[1].Value);
    }

    private async Task InteractAsync(string payload)
    {
        using var response = await host!.PostAsync("/slack/interactions", payload, "application/x-www-form-urlencoded");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }
}
