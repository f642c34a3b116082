using System.Net;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Faults;

/// <summary>
/// Slack's faults scripted on the Web API double, against the real host: every kind of outgoing call rate-limited on its first
/// attempt (with and without Retry-After), and a post Slack carries out but answers too late. Each message arrives exactly once.
/// </summary>
public sealed class SlackDeliveryFaultTests : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice, Bob = SlackChatUser.Bob;
    private RunningSlackChatHost host = null!;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false, new Dictionary<string, string?>
    {
        // The host's clock is fake, so Polly's per-attempt timeout (on that clock) never fires here; the outbox's send budget runs on
        // real time and stands in for it: a post not answered within a second counts as one whose outcome is unknown.
        ["Outbox:SendTimeout"] = "00:00:01",
        ["Knowledge:AtIntake"] = "false", // cards go out with the raise: these tests count each kind of call
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("2", 2.0, 2.0)]     // Slack says how long: exactly that
    [InlineData(null, 2.0, 2.4)]    // it does not: the outbox's own backoff (2 s plus up to 20 % jitter)
    public async Task RateLimitedFirstAttemptOfEveryKindOfCall_EachMessageDeliveredOnceAfterTheWait(string? retryAfter, double minWait, double maxWait)
    {
        host.Api.RateLimitFirstAttempts(retryAfter);
        await EveryKindOfMessageAsync();
        var sentBefore = (await RowsAsync(o => o.State == OutboxState.Sent)).Count;

        // First pass: every lane's first message is refused (429) and waits; nothing is dropped, nothing sent twice.
        await host.DispatchAsync();
        var waiting = await RowsAsync(o => o.State == OutboxState.Pending && o.Attempts == 1);
        waiting.ShouldNotBeEmpty();
        waiting.ShouldAllBe(o => o.LastError!.Contains("429"));
        foreach (var row in waiting)
        {
            (row.NextAttemptAt - host.Time.GetUtcNow()).TotalSeconds.ShouldBeInRange(minWait, maxWait);
        }

        host.Time.Advance(TimeSpan.FromSeconds(minWait - 0.5));
        await host.DispatchAsync();
        (await RowsAsync(o => o.State == OutboxState.Sent)).Count.ShouldBe(sentBefore); // not a moment before the wait

        await DeliverEverythingAsync();
        var rows = await RowsAsync(_ => true);
        rows.ShouldAllBe(o => o.State == OutboxState.Sent || o.State == OutboxState.Skipped, string.Join("\n", rows.Select(o => $"{o.Id} {o.Kind} {o.State} {o.LastError}")));
        // Copies rows (each change's edits of the copies posted before: here the reporter's copy in Uma's DM) are checked below.
        var sent = rows.Where(o => o.State == OutboxState.Sent && o.Audience != "copies").ToList();
        sent.Select(o => o.Kind).Distinct().Order().ShouldBe([NotificationKind.Card, NotificationKind.ThreadUpdate, NotificationKind.Direct, NotificationKind.Alert, NotificationKind.Reply]);
        // Each was refused once first; only a card update identical to the one before it went through at once: it is byte for byte
        // the same request as that one's retry, which the double cannot tell apart (chat.update is idempotent, so nothing needs to).
        sent.Where(o => o.Attempts < 2).ShouldAllBe(o => o.Kind == NotificationKind.Card);
        sent.Count(o => o.Attempts >= 2).ShouldBeGreaterThanOrEqualTo(sent.Count - 1);

        // Slack holds each post once (by the outbox id in its metadata), and did one successful update and one ephemeral.
        var posts = host.Api.Posted.Where(p => p.Metadata is not null).Select(p => p.Metadata!["event_payload"]!["outbox_id"]!.ToString()).ToList();
        posts.Distinct().Count().ShouldBe(posts.Count);
        var ok = host.Api.Calls.Where(c => c.Response["ok"]?.GetValue<bool>() == true).ToList();
        ok.Count(c => c.Method == "chat.postEphemeral").ShouldBe(1);
        ok.Count(c => c.Method == "chat.update" && c["channel"] == RunningSlackChatHost.TierChannel(1))
            .ShouldBe(sent.Count(o => o.Kind == NotificationKind.Card) - 1); // one per change after the first post
        // The reporter's copy followed both changes (accept, ask a manager): both copies rows ran after the second change, so the
        // first one's edit (after its 429) brought the copy up to date and the second found it current: one successful edit.
        rows.Where(o => o.Audience == "copies").Count().ShouldBe(2);
        rows.Where(o => o.Audience == "copies").ShouldAllBe(o => o.State == OutboxState.Sent);
        ok.Count(c => c.Method == "chat.update" && c["channel"] == Uma.DmChannel).ShouldBe(1);
        RateLimitedCopyEdit(host.Api.Calls).ShouldBeTrue();
        var rateLimited = host.Api.Calls.Where(c => c.Response["status"]?.GetValue<int>() == 429).Select(c => c.Method).Distinct().Order();
        rateLimited.ShouldBe(["chat.postEphemeral", "chat.postMessage", "chat.update", "conversations.open"]);

        static bool RateLimitedCopyEdit(IEnumerable<SlackApiCall> calls) =>
            calls.Any(c => c.Method == "chat.update" && c["channel"] == Uma.DmChannel && c.Response["status"]?.GetValue<int>() == 429);
    }

    [Theory]
    [InlineData("3", 3.0)]  // as long as Slack said
    [InlineData(null, 2.0)] // it did not say: the first backoff step
    public async Task RateLimitedPost_OtherTicketsCardsWaitTheSameRetryAfter_ThenAllGoOutOnce(string? retryAfter, double pause)
    {
        // One send at a time, so "what started after the 429" is exact (with several, those already in flight are out anyway).
        await host.DisposeAsync();
        host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false, new Dictionary<string, string?>
        {
            ["Outbox:Concurrency"] = "1",
            ["Knowledge:AtIntake"] = "false",
        });
        foreach (var (user, text) in new[] { (Uma, "Laptop will not dock"), (Alice, "Second screen flickers"), (Bob, "Keyboard types twice") })
            (await CommandAsync(user, "/ticket", text)).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Api.RateLimitFirst(retryAfter, "chat.postMessage");
        var before = host.Api.Calls.Count;

        await host.DispatchAsync();

        // The first post met the 429; nothing else was tried (each would have met one too), and the rest waits unclaimed.
        host.Api.Calls.Skip(before).Count(c => c.Method == "chat.postMessage").ShouldBe(1);
        (await RowsAsync(o => o.Attempts > 0)).Count.ShouldBe(1);
        (await RowsAsync(o => o.Kind == NotificationKind.Card && o.Attempts == 0)).Count.ShouldBeGreaterThanOrEqualTo(2);
        host.Time.Advance(TimeSpan.FromSeconds(pause - 0.5));
        await host.DispatchAsync();
        host.Api.Calls.Skip(before).Count(c => c.Method == "chat.postMessage").ShouldBe(1); // not a moment before the pause ends

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.DispatchAsync();
        var rows = await RowsAsync(_ => true);
        rows.ShouldAllBe(o => o.State == OutboxState.Sent || o.State == OutboxState.Skipped, string.Join("\n", rows.Select(o => $"{o.Id} {o.Kind} {o.State} {o.LastError}")));
        rows.Count(o => o.Kind == NotificationKind.Card && o.State == OutboxState.Sent).ShouldBe(3);
        host.Api.Posted.Count(p => p.Channel == RunningSlackChatHost.TierChannel(1) && p.ThreadTs is null).ShouldBe(3);
    }

    [Fact]
    public async Task PostCarriedOutButAnsweredAfterTheTimeout_PostedOnce_TheRetryFindsItInTheHistory()
    {
        host.Api.SlowAnswer("chat.postMessage", TimeSpan.FromSeconds(5)); // the first post: Slack posts it, the answer comes too late
        (await CommandAsync(Uma, "/ticket", "Badge reader at door 2 dead")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await host.DispatchAsync();
        var card = (await RowsAsync(o => o.Kind == NotificationKind.Card)).Single();
        (card.State, card.Uncertain).ShouldBe((OutboxState.Pending, true));
        host.Api.Posted.Count(p => p.Channel == RunningSlackChatHost.TierChannel(1)).ShouldBe(1); // Slack has it

        await DeliverEverythingAsync();

        card = (await RowsAsync(o => o.Id == card.Id)).Single();
        card.State.ShouldBe(OutboxState.Sent);
        card.PlatformMessageId.ShouldBe(host.Api.Posted.Single(p => p.Channel == RunningSlackChatHost.TierChannel(1)).Ts);
        host.Api.Calls.Count(c => c.Method == "conversations.history").ShouldBe(1);
        host.Api.Posted.Count(p => p.Channel == RunningSlackChatHost.TierChannel(1)).ShouldBe(1); // not posted again
    }

    [Fact]
    public async Task CardPostedButItsRecordCannotBeWritten_NotPostedAgain_TheRetryAfterTheLeaseFindsItInTheHistory()
    {
        await ExecuteSqlAsync("CREATE TRIGGER scripted_write_error BEFORE INSERT ON \"ChatMessages\" BEGIN SELECT RAISE(ABORT, 'scripted write error'); END");
        (await CommandAsync(Uma, "/ticket", "Badge reader at door 3 dead")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Slack has the card; where it sits and that it was sent are one commit, which fails: the message stays claimed, not retried blind.
        await Should.ThrowAsync<DbUpdateException>(host.DispatchAsync);
        host.Api.Posted.Count(p => p.Channel == RunningSlackChatHost.TierChannel(1)).ShouldBe(1);
        var card = (await RowsAsync(o => o.Kind == NotificationKind.Card)).Single();
        (card.State, card.Attempts).ShouldBe((OutboxState.Sending, 0));
        await ExecuteSqlAsync("DROP TRIGGER scripted_write_error");

        await DeliverEverythingAsync(); // past the claim's lease: taken again as one that may have arrived, so Slack's history is read first

        card = (await RowsAsync(o => o.Id == card.Id)).Single();
        card.State.ShouldBe(OutboxState.Sent);
        card.PlatformMessageId.ShouldBe(host.Api.Posted.Single(p => p.Channel == RunningSlackChatHost.TierChannel(1)).Ts);
        host.Api.Calls.Count(c => c.Method == "conversations.history").ShouldBe(1);
        host.Api.Posted.Count(p => p.Channel == RunningSlackChatHost.TierChannel(1)).ShouldBe(1); // not posted again
        await using var scope = host.Services.CreateAsyncScope();
        var copy = await scope.ServiceProvider.GetRequiredService<ChatEscalation.Persistence.Outbox.OutboxStore>().GetChatMessageAsync(card.TicketNumber, "slack", "tier-1");
        copy!.MessageId.ShouldBe(card.PlatformMessageId); // later changes edit it in place
    }

    [Fact]
    public async Task PostNeverReachedSlack_PostedOnTheRetry_WithoutAHistoryLookup()
    {
        host.Api.Stall("chat.postMessage", TimeSpan.FromSeconds(5)); // Slack hangs before doing anything: the attempt times out
        (await CommandAsync(Uma, "/ticket", "Projector in room 4 shows no signal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.DispatchAsync();
        host.Api.Stall("chat.postMessage", TimeSpan.Zero);
        host.Api.Posted.ShouldBeEmpty();

        await DeliverEverythingAsync();

        host.Api.Posted.Count(p => p.Channel == RunningSlackChatHost.TierChannel(1)).ShouldBe(1);
        (await RowsAsync(o => o.Kind == NotificationKind.Card)).Single().State.ShouldBe(OutboxState.Sent);
    }

    /// <summary>A DM answer and a queue card, a card update, a thread update and a DM, an ephemeral refusal, a manager alert.</summary>
    private async Task EveryKindOfMessageAsync()
    {
        await PostOkAsync("/slack/events", SlackChatPayloads.DirectMessage(Uma, "ticket VPN drops every 10 minutes", "Ev0FAULT1", "1773136900.000100"), "application/json");
        await host.DispatchAsync();
        await DeliverEverythingAsync(); // the card must be in the channel before anyone can click it
        var card = host.Api.Posted.First(p => p.Channel == RunningSlackChatHost.TierChannel(1));

        await PostOkAsync("/slack/interactions", SlackChatPayloads.BlockAction(Alice, card.Channel, card.Ts, "accept", 1, "1773136901.000100"));
        await PostOkAsync("/slack/interactions", SlackChatPayloads.BlockAction(Bob, card.Channel, card.Ts, "accept", 1, "1773136902.000100"));
        await PostOkAsync("/slack/events", SlackChatPayloads.DirectMessage(Uma, "manager INC-1 the whole team is blocked", "Ev0FAULT2", "1773136903.000100"), "application/json");
    }

    /// <summary>Runs the dispatcher as its schedule would, moving the clock on, until nothing is left to send.</summary>
    private async Task DeliverEverythingAsync()
    {
        for (var pass = 0; pass < 60 && (await RowsAsync(o => o.State == OutboxState.Pending || o.State == OutboxState.Sending)).Count > 0; pass++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(3));
            await host.DispatchAsync();
        }
    }

    private async Task<List<OutboxMessage>> RowsAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> where)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(o => o.Platform == "slack").Where(where).OrderBy(o => o.Id).ToListAsync();
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private Task<HttpResponseMessage> CommandAsync(SlackChatUser user, string command, string text) =>
        host.PostAsync("/slack/commands", SlackChatPayloads.Command(user, command, text), "application/x-www-form-urlencoded");

    private async Task PostOkAsync(string path, string body, string contentType = "application/x-www-form-urlencoded")
    {
        using var response = await host.PostAsync(path, body, contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
