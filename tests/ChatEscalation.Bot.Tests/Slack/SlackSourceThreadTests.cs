using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 14, the thread is the conversation: a ticket raised from Uma's message in #general, through the running host and the Slack
/// double. Staff notes reach Uma in that message's thread and in her DM; the thread and the DM show the same status lines, each once,
/// even when Slack rate-limits the first attempt of every post or carries a post out and answers too late.
/// </summary>
public sealed class SlackSourceThreadTests : IAsyncLifetime
{
    private const string Channel = "C0GENERAL", MessageTs = "1773136700.000400";
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice;
    private RunningSlackChatHost host = null!;
    private int events;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false, new Dictionary<string, string?>
    {
        // The host's clock is fake, so the outbox's send budget (real time) stands in for Slack not answering in time.
        ["Outbox:SendTimeout"] = "00:00:01",
        ["Knowledge:AtIntake"] = "false",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task StaffNote_ReachesTheReporterInTheThreadAndTheDm_ANoteWrittenInTheThreadIsNotRepeatedThere()
    {
        await RaiseFromUmasMessageAsync();
        await DirectAsync(Alice, "accept INC-000001");
        await DeliverEverythingAsync();
        var before = host.Api.Calls.Count;

        await DirectAsync(Alice, "note INC-000001 Restarting the VPN gateway, back in 5 minutes");
        await DeliverEverythingAsync();
        var typed = Posts(before);
        typed.ShouldContain(c => c["channel"] == Uma.DmChannel && c["text"]!.Contains("Alice (Tier 1) wrote: Restarting the VPN gateway"));
        typed.Count(c => InThread(c) && c["text"]!.Contains("Alice (Tier 1) wrote: Restarting the VPN gateway")).ShouldBe(1);

        before = host.Api.Calls.Count;
        var reply = ThreadReply(Alice, "Try connecting again now");
        await PostAsync("/slack/events", reply, "application/json");
        await PostAsync("/slack/events", reply, "application/json"); // Slack retries the event: one note
        await DeliverEverythingAsync();
        var inThread = Posts(before);
        inThread.Count(c => c["channel"] == Uma.DmChannel && c["text"]!.Contains("wrote: Try connecting again now")).ShouldBe(1);
        inThread.ShouldNotContain(c => InThread(c) && c["text"]!.Contains("wrote: Try connecting again now")); // Uma reads it there already
        inThread.Count(c => InThread(c) && c["text"]!.Contains("Note added to INC-000001")).ShouldBe(1);

        before = host.Api.Calls.Count;
        await DirectAsync(Alice, "note INC-000001 internal: her token was revoked by mistake");
        await DeliverEverythingAsync();
        Posts(before).ShouldNotContain(c => c["text"]!.Contains("token was revoked"));
    }

    [Fact]
    public async Task StatusLines_RateLimitedAndAnsweredLate_SameLinesInTheThreadAndTheDmEachOnce()
    {
        await RaiseFromUmasMessageAsync();
        var start = host.Api.Calls.Count;

        // Accepted: every post of this change is carried out by Slack but answered after the send budget; the retry finds it by metadata.
        host.Api.SlowAnswer("chat.postMessage", TimeSpan.FromSeconds(3), times: 6);
        await DirectAsync(Alice, "accept INC-000001");
        await DeliverEverythingAsync();
        host.Api.Calls.Count(c => c.Method == "conversations.replies" && c["ts"] == MessageTs).ShouldBeGreaterThanOrEqualTo(1);

        // A note and a question: the first attempt of every post is rate limited (429).
        host.Api.RateLimitFirstAttempts(retryAfter: "1");
        await DirectAsync(Alice, "note INC-000001 Restarting the VPN gateway");
        await DirectAsync(Alice, "wait INC-000001 Does it drop on the office Wi-Fi too?");
        await DeliverEverythingAsync();

        var rows = await RowsAsync();
        rows.ShouldAllBe(o => o.State == OutboxState.Sent || o.State == OutboxState.Skipped, string.Join("\n", rows.Select(o => $"{o.Id} {o.Kind} {o.Audience} {o.State} {o.LastError}")));
        var posts = Posts(start);
        var thread = posts.Where(InThread).Select(c => c["text"]!).ToList();
        var dm = posts.Where(c => c["channel"] == Uma.DmChannel && c["thread_ts"] is null).Select(c => c["text"]!).ToList();
        thread.ShouldBe(dm); // the same lines, in the same order, each once
        thread.Count.ShouldBe(3);
        thread[0].ShouldContain("Alice (Tier 1) now owns your ticket");
        thread[1].ShouldContain("wrote: Restarting the VPN gateway");
        thread[2].ShouldContain("Does it drop on the office Wi-Fi too?");
        host.Api.Posted.Count(p => p.Channel == Channel && p.ThreadTs == MessageTs).ShouldBe(1 + 3); // the raise's answer and the three lines
    }

    /// <summary>Alice raises a ticket from Uma's message with the shortcut and the prefilled modal; everything is delivered.</summary>
    private async Task RaiseFromUmasMessageAsync()
    {
        var shortcut = SlackChatPayloads.MessageShortcut(Alice, SlackInbound.RaiseShortcut, Channel, Uma, "VPN drops every 10 minutes for me", MessageTs);
        await PostAsync("/slack/interactions", shortcut, "application/x-www-form-urlencoded");
        var view = (await host.Api.WaitForAsync("views.open", 0)).Body["view"]!.AsObject();
        await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Alice, view,
            new Dictionary<string, string> { ["title"] = "VPN drops every 10 minutes for me" }, "V0SOURCE"), "application/x-www-form-urlencoded");
        await DeliverEverythingAsync();
    }

    [Fact]
    public async Task EmulatorOff_OutboxWritesNoRowForItNorForTeams_NothingIsSkipped()
    {
        await RaiseFromUmasMessageAsync();
        await DirectAsync(Alice, "accept INC-000001");
        await DeliverEverythingAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        rows.Count(o => o.Audience == "copies").ShouldBe(1); // the accept's, on Slack alone
        rows.ShouldAllBe(o => o.Platform == "slack"); // the emulator is off with Slack connected, and Teams is not configured
        rows.ShouldAllBe(o => o.State == OutboxState.Sent);
    }

    [Fact]
    public async Task Dispatch_APassDeliveringAnAcceptsMessages_OpensItsConnectionOnce()
    {
        await RaiseFromUmasMessageAsync();
        await DirectAsync(Alice, "accept INC-000001");

        await using var scope = host.Services.CreateAsyncScope();
        using var opens = new ChatEscalation.Tests.Shared.ConnectionOpens(scope.ServiceProvider.GetRequiredService<EscalationDbContext>());
        var handled = await scope.ServiceProvider.GetRequiredService<ChatEscalation.Bot.Outbox.OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        handled.ShouldBeGreaterThanOrEqualTo(3); // the cards' update, the thread's line, Uma's DM, Alice's answer
        (await RowsAsync()).ShouldAllBe(o => o.State == OutboxState.Sent);
        opens.Count.ShouldBe(1); // each claim, read and result write opened it before
    }

    /// <summary>Successful posts since call <paramref name="after"/>, in order (a post answered late counts once, by its ts).</summary>
    private List<SlackApiCall> Posts(int after) => host.Api.Calls.Skip(after)
        .Where(c => c.Method == "chat.postMessage" && c.AnsweredTs is not null)
        .ToList();

    private static bool InThread(SlackApiCall c) => c["channel"] == Channel && c["thread_ts"] == MessageTs;

    private Task DirectAsync(SlackChatUser user, string text) =>
        PostAsync("/slack/events", SlackChatPayloads.DirectMessage(user, text, $"Ev0SOURCE{++events}", $"1773136960.{events:D6}"), "application/json");

    /// <summary>The event of a reply by <paramref name="user"/> in the thread of Uma's message.</summary>
    private string ThreadReply(SlackChatUser user, string text)
    {
        var n = ++events;
        var ts = $"1773136970.{n:D6}";
        var body = new JsonObject
        {
            ["team_id"] = SlackChatPayloads.TeamId,
            ["api_app_id"] = SlackChatPayloads.AppId,
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["user"] = user.Id, ["text"] = text, ["ts"] = ts, ["channel"] = Channel, ["channel_type"] = "channel",
                ["event_ts"] = ts, ["thread_ts"] = MessageTs,
            },
            ["type"] = "event_callback",
            ["event_id"] = $"Ev0SOURCEREPLY{n}",
            ["event_time"] = 1773136970,
        };
        return body.ToJsonString();
    }

    /// <summary>Runs the dispatcher as its schedule would, moving the clock on, until nothing is left to send.</summary>
    private async Task DeliverEverythingAsync()
    {
        for (var pass = 0; pass < 60 && (await RowsAsync()).Any(o => o.State is OutboxState.Pending or OutboxState.Sending); pass++)
        {
            await host.DispatchAsync();
            host.Time.Advance(TimeSpan.FromSeconds(3));
        }
    }

    private async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(o => o.Platform == "slack").OrderBy(o => o.Id).ToListAsync();
    }

    private async Task PostAsync(string path, string body, string contentType)
    {
        using var response = await host.PostAsync(path, body, contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
