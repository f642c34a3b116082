using System.Globalization;
using System.Net;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Against the running host and the fake Web API: Slack posts that should ping, ping (<c>&lt;@U…&gt;</c> and the tier's user group), user
/// text never forms a mention, and every copy of a ticket (the reporter's answer card, a manager alert) follows the ticket.
/// </summary>
public sealed class SlackMentionsAndCopiesTests : IAsyncLifetime
{
    private const string Tier1Group = "S0TIER1DESK";
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice, Carol = SlackChatUser.Carol, Victor = SlackChatUser.Victor;
    private RunningSlackChatHost host = null!;
    private int events;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false,
        new Dictionary<string, string?> { ["Policy:Tiers:0:Channel:SlackUserGroup"] = Tier1Group });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ManagerAlert_MentionsEveryManager_AndKeepsOnlyButtonsThatStillApply()
    {
        // Victor (a VIP) reports a Payroll failure (a critical service): the managers are told at once.
        await DirectMessageAsync(Victor, "ticket Payroll export fails");
        await host.DispatchAsync();
        var alert = Posted(RunningSlackChatHost.ManagerChannel).ShouldHaveSingleItem();
        alert["text"]!.ShouldContain("<@U0MARIA>");
        alert.BlockText.ShouldContain("For <@U0MARIA>");
        alert.ActionIds.ShouldBe(["take_over", "reassign", "escalate"]);

        // Carol accepts and resolves by typing: the alert loses every button (nothing to take over, reassign or escalate).
        await DirectMessageAsync(Carol, "accept INC-1");
        await DirectMessageAsync(Carol, "resolve INC-1 Re-ran the export with the fixed mapping");
        var seen = host.Api.Calls.Count;
        await host.DispatchAsync();

        var edited = Updates(seen, RunningSlackChatHost.ManagerChannel, alert.AnsweredTs!).ShouldHaveSingleItem();
        edited.ActionIds.ShouldBeEmpty();
        edited.BlockText.ShouldContain("Payroll export fails"); // its words stay
        host.Api.Calls.Skip(seen).ShouldNotContain(c => c.Method == "chat.postMessage" && c["channel"] == RunningSlackChatHost.ManagerChannel);
    }

    [Fact]
    public async Task ReportersCopy_InTheirDirectMessages_TheirButtonsOnly_FollowsEveryChange()
    {
        await DirectMessageAsync(Uma, "ticket Laptop will not boot");
        await host.DispatchAsync();
        var copy = Posted(Uma.DmChannel).ShouldHaveSingleItem();
        copy["text"]!.ShouldContain("INC-000001 raised");
        copy.ActionIds.ShouldBe(["note", "cancel", "escalate_manager"]); // no Accept in the reporter's copy
        copy.BlockText.ShouldContain("Waiting for a Tier 1");

        await DirectMessageAsync(Alice, "accept INC-1");
        var seen = host.Api.Calls.Count;
        await host.DispatchAsync();
        var accepted = Updates(seen, Uma.DmChannel, copy.AnsweredTs!).ShouldHaveSingleItem();
        accepted.BlockText.ShouldContain("In progress with Alice (Tier 1)");
        accepted.BlockText.ShouldNotContain("Waiting for a Tier 1");
        accepted.ActionIds.ShouldBe(["note", "cancel", "escalate_manager"]);

        await DirectMessageAsync(Alice, "resolve INC-1 Reseated the memory module");
        seen = host.Api.Calls.Count;
        await host.DispatchAsync();
        var resolved = Updates(seen, Uma.DmChannel, copy.AnsweredTs!).ShouldHaveSingleItem();
        resolved.BlockText.ShouldContain("Resolved by Alice (Tier 1)");
        resolved.ActionIds.ShouldBe(["reopen"]);
    }

    [Fact]
    public async Task NewTierCard_PingsTheTiersUserGroupWhileNobodyOwnsIt_ThenNamesTheOwner()
    {
        await DirectMessageAsync(Uma, "ticket Laptop will not boot");
        await host.DispatchAsync();
        var card = Posted(RunningSlackChatHost.TierChannel(1)).ShouldHaveSingleItem();
        card["text"]!.ShouldContain($"<!subteam^{Tier1Group}>"); // the notification text: this is what pings
        card.BlockText.ShouldContain($"For <!subteam^{Tier1Group}>");

        await DirectMessageAsync(Alice, "accept INC-1");
        var seen = host.Api.Calls.Count;
        await host.DispatchAsync();
        var update = Updates(seen, RunningSlackChatHost.TierChannel(1), card.AnsweredTs!).ShouldHaveSingleItem();
        update.BlockText.ShouldContain("*Owner*\n<@U0ALICE>");
        update.BlockText.ShouldNotContain("subteam");
    }

    [Fact]
    public async Task OnCallPage_AfterHours_OnCallAlertMentionsThePagedPerson()
    {
        host.Time.SetUtcNow(RunningSlackChatHost.T0.AddHours(12)); // Tuesday 22:00 London: after hours
        await DirectMessageAsync(Uma, "ticket Payroll export fails for the whole team");
        await host.DispatchAsync();

        var alert = Posted(RunningSlackChatHost.OnCallChannel).ShouldHaveSingleItem();
        alert["text"]!.ShouldStartWith("Paging Dave (Tier 2)");
        alert["text"]!.ShouldContain("<@U0DAVE>");
        alert.BlockText.ShouldContain("For <@U0DAVE>");
        alert.ActionIds.ShouldBe(["ack_page"]);
        Posted(SlackChatUser.Dave.DmChannel).ShouldHaveSingleItem().ActionIds.ShouldBe(["ack_page"]);
        // The Tier 2 card names the paged person (the whole tier is not pinged at night).
        var card = Posted(RunningSlackChatHost.TierChannel(2)).ShouldHaveSingleItem();
        card.BlockText.ShouldContain("For <@U0DAVE>");
        card["text"]!.ShouldNotContain("subteam");
    }

    [Fact]
    public async Task UserText_WithMentionMarkup_NeverFormsAMention()
    {
        // "@channel" typed in Slack arrives as <!channel>; "&" arrives as &amp;. Longer than a title, so it is the description too.
        await DirectMessageAsync(Uma, "ticket <!channel> printer &amp; scanner <!here> " + string.Concat(Enumerable.Repeat("jams on every page, ", 8)));
        await host.DispatchAsync();

        var card = Posted(RunningSlackChatHost.TierChannel(1)).ShouldHaveSingleItem();
        var answer = Posted(Uma.DmChannel).ShouldHaveSingleItem();
        // Headers are plain_text (Slack renders no markup there); every mrkdwn text and the notification text are escaped.
        foreach (var text in new[] { card["text"]!, Mrkdwn(card), Mrkdwn(answer) })
        {
            text.ShouldNotContain("<!channel>");
            text.ShouldNotContain("<!here>");
            text.ShouldContain("&lt;!channel&gt; printer &amp; scanner &lt;!here&gt;");
        }

        answer["text"]!.ShouldNotContain("<!");
    }

    private static string Mrkdwn(SlackApiCall call) => string.Join("\n", call.Blocks!.OfType<System.Text.Json.Nodes.JsonObject>()
        .Where(b => (string?)b["type"] != "header").Select(b => b.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        })));

    private async Task DirectMessageAsync(SlackChatUser user, string text)
    {
        var n = Interlocked.Increment(ref events).ToString(CultureInfo.InvariantCulture);
        using var response = await host.PostAsync("/slack/events", SlackChatPayloads.DirectMessage(user, text, "Ev0MC" + n, "1773136900." + n.PadLeft(6, '0')), "application/json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Top-level chat.postMessage calls to <paramref name="channel"/>.</summary>
    private List<SlackApiCall> Posted(string channel) =>
        host.Api.Calls.Where(c => c.Method == "chat.postMessage" && c["channel"] == channel && c["thread_ts"] is null).ToList();

    /// <summary>chat.update calls of message <paramref name="ts"/> in <paramref name="channel"/> after the first <paramref name="after"/> calls.</summary>
    private List<SlackApiCall> Updates(int after, string channel, string ts) =>
        host.Api.Calls.Skip(after).Where(c => c.Method == "chat.update" && c["channel"] == channel && c["ts"] == ts).ToList();
}
