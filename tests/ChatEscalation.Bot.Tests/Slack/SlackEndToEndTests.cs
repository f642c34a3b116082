using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 3's "done when", against the running host (<see cref="RunningSlackChatHost"/>): requests signed as Slack signs them in, every
/// call on the fake Slack Web API out, counted and checked.
/// </summary>
public sealed class SlackEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice, Bob = SlackChatUser.Bob, Carol = SlackChatUser.Carol;
    private static readonly string Tier1 = RunningSlackChatHost.TierChannel(1), Tier2 = RunningSlackChatHost.TierChannel(2);
    private RunningSlackChatHost host = null!;
    private int seen;

    public async Task InitializeAsync()
    {
        host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false);
        NewCalls("start").Select(c => c.Method).ShouldBe(["auth.test"]); // the bot token's check (SlackTokenCheck), answered before the start ends
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TicketLife_SignedRequestsThroughRunningHost_EveryWebApiCallAsserted()
    {
        // Uma raises with /ticket: an ephemeral answer at once; users.info tells the bot who she is (cached from then on).
        var raised = await CommandAsync(Uma, "/ticket", "VPN drops every 10 minutes");
        raised["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        var raisedText = raised["text"]!.GetValue<string>();
        raisedText.ShouldContain("INC-");
        var number = long.Parse(Regex.Match(raisedText, @"INC-(\d+)").Groups[1].Value);
        var lookup = NewCalls("raise").ShouldHaveSingleItem();
        lookup.Method.ShouldBe("users.info");
        lookup["user"].ShouldBe(Uma.Id);

        // Outbox: the Tier 1 card, posted with blocks and buttons carrying the ticket number. Uma is not pinged about her own action.
        await host.DispatchAsync();
        var card = NewCalls("dispatch after raise").ShouldHaveSingleItem();
        card.Method.ShouldBe("chat.postMessage");
        card["channel"].ShouldBe(Tier1);
        card["thread_ts"].ShouldBeNull();
        card.Authorization.ShouldBe("Bearer xoxb-e2e-token");
        card.BlockText.ShouldContain("VPN drops every 10 minutes");
        card.ActionIds.ShouldContain("accept");
        var cardTs = card.AnsweredTs!;

        // Alice accepts on the card: empty 200; then the card is updated in place, a thread reply, and a DM to Uma.
        await InteractOkAsync(SlackChatPayloads.BlockAction(Alice, Tier1, cardTs, "accept", number, "1773136801.000100"));
        NewCalls("accept").Select(c => c.Method).ShouldBe(["users.info"]);
        await host.DispatchAsync();
        var afterAccept = NewCalls("dispatch after accept");
        Describe(afterAccept).ShouldBe([
            $"chat.update {Tier1} ts {cardTs}",
            $"chat.postMessage {Tier1} thread {cardTs}",
            $"conversations.open {Uma.Id}",
            $"chat.postMessage {Uma.DmChannel}",
        ]);
        afterAccept[0].BlockText.ShouldContain("Alice (Tier 1)");
        afterAccept[0].ActionIds.ShouldNotContain("accept");
        afterAccept[1]["text"]!.ShouldContain("Accepted by Alice");
        afterAccept[2]["users"].ShouldBe(Uma.Id);
        afterAccept[3]["text"]!.ShouldContain("Alice (Tier 1)");

        // Bob presses Accept too: the engine refuses, and only Bob sees why (chat.postEphemeral, through the outbox); nothing else is sent.
        await InteractOkAsync(SlackChatPayloads.BlockAction(Bob, Tier1, cardTs, "accept", number, "1773136802.000100"));
        NewCalls("Bob's accept").Select(c => c.Method).ShouldBe(["users.info"]);
        await host.DispatchAsync();
        var bobEphemeral = NewCalls("dispatch after Bob's refused accept").ShouldHaveSingleItem();
        bobEphemeral.Method.ShouldBe("chat.postEphemeral");
        bobEphemeral["user"].ShouldBe(Bob.Id);
        bobEphemeral["channel"].ShouldBe(Tier1);

        // Alice escalates: the button opens the handoff modal (views.open, private_metadata = ticket number).
        await InteractOkAsync(SlackChatPayloads.BlockAction(Alice, Tier1, cardTs, "escalate", number, "1773136803.000100"));
        var escalateModal = await OpenedViewAsync("escalate");
        escalateModal["private_metadata"]!.GetValue<string>().ShouldBe(number.ToString());

        // A note with "needs" left short is refused inline on that input (response_action: errors keyed by its block_id).
        var refused = await SubmitAsync(Alice, escalateModal, new() { ["tried"] = "Reinstalled the VPN client", ["outcome"] = "Still drops", ["needs"] = "?" }, "V0ESC1");
        refused.ShouldNotBeNull();
        refused["response_action"]!.GetValue<string>().ShouldBe("errors");
        refused["errors"]!.AsObject().Select(p => p.Key).ShouldBe(["needs"]);
        await host.DispatchAsync();
        NewCalls("refused escalation").ShouldBeEmpty();

        // The full note: the modal closes (empty 200); the old card moves on, a thread reply, the Tier 2 card, a DM to Uma.
        (await SubmitAsync(Alice, escalateModal, new()
        {
            ["tried"] = "Reinstalled the VPN client",
            ["outcome"] = "Still drops every 10 minutes",
            ["needs"] = "Check the VPN concentrator logs",
        }, "V0ESC2")).ShouldBeNull();
        await host.DispatchAsync();
        var afterEscalate = NewCalls("dispatch after escalate");
        Describe(afterEscalate).ShouldBe([
            $"chat.postMessage {Tier1} thread {cardTs}",
            $"chat.update {Tier1} ts {cardTs}",
            $"chat.postMessage {Tier2}",
            $"conversations.open {Uma.Id}",
            $"chat.postMessage {Uma.DmChannel}",
        ]);
        afterEscalate[0]["text"]!.ShouldContain("Escalated by Alice");
        var tier2Card = afterEscalate[2];
        tier2Card.BlockText.ShouldContain("Reinstalled the VPN client");
        tier2Card.BlockText.ShouldContain("Still drops every 10 minutes");
        tier2Card.BlockText.ShouldContain("Check the VPN concentrator logs");
        tier2Card.ActionIds.ShouldContain("accept");
        afterEscalate[4]["text"]!.ShouldContain("Tier 2");
        var tier2Ts = tier2Card.AnsweredTs!;

        // Carol accepts the Tier 2 card.
        await InteractOkAsync(SlackChatPayloads.BlockAction(Carol, Tier2, tier2Ts, "accept", number, "1773136804.000100"));
        await host.DispatchAsync();
        var afterCarol = NewCalls("Carol accepts");
        Describe(afterCarol).ShouldBe([
            $"users.info {Carol.Id}",
            $"chat.update {Tier2} ts {tier2Ts}",
            $"chat.postMessage {Tier2} thread {tier2Ts}",
            $"conversations.open {Uma.Id}",
            $"chat.postMessage {Uma.DmChannel}",
            $"chat.update {Tier1} ts {cardTs}", // the Tier 1 copy follows the ticket
        ]);
        afterCarol[5].BlockText.ShouldContain("Moved to Tier 2 – Desktop &amp; Apps: In progress with Carol (Tier 2)");
        afterCarol[5].ActionIds.ShouldBeEmpty();

        // Carol resolves through the modal.
        await InteractOkAsync(SlackChatPayloads.BlockAction(Carol, Tier2, tier2Ts, "resolve", number, "1773136805.000100"));
        var resolveModal = await OpenedViewAsync("resolve");
        (await SubmitAsync(Carol, resolveModal, new() { ["resolution"] = "Replaced the VPN profile" }, "V0RES1")).ShouldBeNull();
        await host.DispatchAsync();
        var afterResolve = NewCalls("dispatch after resolve");
        // The Tier 1 lead (lena@demo.local, told of the knowledge-base draft) is not on this Slack: looked up, skipped, no DM.
        Describe(afterResolve).ShouldBe([
            $"chat.update {Tier2} ts {tier2Ts}",
            $"chat.postMessage {Tier2} thread {tier2Ts}",
            "users.lookupByEmail lena@demo.local",
            $"conversations.open {Uma.Id}",
            $"chat.postMessage {Uma.DmChannel}",
            $"chat.update {Tier1} ts {cardTs}",
        ]);
        // Tier 1's copy no longer says "Nobody owns it yet" or offers Accept: it says how the ticket ended, without buttons.
        afterResolve[5].BlockText.ShouldContain("At Tier 2 – Desktop &amp; Apps: Resolved by Carol (Tier 2)");
        afterResolve[5].ActionIds.ShouldBeEmpty();
        afterResolve[0].BlockText.ShouldContain("Replaced the VPN profile");
        afterResolve[0].ActionIds.ShouldNotContain("resolve");
        afterResolve[1]["text"]!.ShouldContain("Resolved by Carol");
        afterResolve[4]["text"]!.ShouldContain("Replaced the VPN profile");

        // Every call carried the bot token; the Tier 1 card was posted once and only updated afterwards.
        host.Api.Calls.ShouldAllBe(c => c.Authorization == "Bearer xoxb-e2e-token");
        host.Api.Calls.Count(c => c.Method == "chat.postMessage" && c["channel"] == Tier1 && c["thread_ts"] == null).ShouldBe(1);
    }

    [Fact]
    public async Task Commands_UnsignedOrWronglySigned_401WithNoTicketAndNoSlackCall()
    {
        using var unsigned = await host.PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Forged request"), "application/x-www-form-urlencoded", sign: false);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unsigned.Content.ReadAsStringAsync()).ShouldBeEmpty();
        await host.DispatchAsync();
        NewCalls("unsigned").ShouldBeEmpty();

        // Control: the same command signed is answered, and its card is posted (so the 401 above was the signature's doing).
        var reply = await CommandAsync(Uma, "/ticket", "Forged request");
        reply["text"]!.GetValue<string>().ShouldContain("INC-000001");
        await host.DispatchAsync();
        NewCalls("signed").Select(c => c.Method).ShouldBe(["users.info", "chat.postMessage"]);
    }

    [Fact]
    public async Task DirectMessage_RetriedEventId_AnsweredOnce()
    {
        var body = SlackChatPayloads.DirectMessage(Uma, "help", "Ev0HELP1", "1773136810.000100");
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.PostAsync("/slack/events", body, "application/json");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await host.DispatchAsync();
        var answer = await host.Api.WaitForAsync("chat.postMessage", seen);
        answer["channel"].ShouldBe(Uma.DmChannel);
        answer["text"]!.ShouldContain("ticket &lt;what is wrong&gt;"); // escaped once, as Slack wants mrkdwn: it shows "ticket <what is wrong>"
        NewCalls("help x3").Select(c => c.Method).ShouldBe(["users.info", "chat.postMessage"]);
    }

    private async Task<JsonObject> CommandAsync(SlackChatUser user, string command, string text)
    {
        using var response = await host.PostAsync("/slack/commands", SlackChatPayloads.Command(user, command, text), "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task InteractOkAsync(string form)
    {
        using var response = await host.PostAsync("/slack/interactions", form, "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldBeEmpty();
    }

    /// <summary>Submits a modal; returns the JSON reply (errors) or null for an empty 200 (the modal closes).</summary>
    private async Task<JsonObject?> SubmitAsync(SlackChatUser user, JsonObject view, Dictionary<string, string> values, string viewId)
    {
        using var response = await host.PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(user, view, values, viewId), "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Waits for the views.open the last click caused and returns its view, checked against the button's action.</summary>
    private async Task<JsonObject> OpenedViewAsync(string callbackId)
    {
        var open = await host.Api.WaitForAsync("views.open", seen);
        var calls = NewCalls("open " + callbackId);
        calls.Select(c => c.Method).ShouldBe(["views.open"]);
        open["trigger_id"].ShouldNotBeNullOrEmpty();
        var view = open.Body["view"]!.AsObject();
        view["type"]!.GetValue<string>().ShouldBe("modal");
        view["callback_id"]!.GetValue<string>().ShouldBe(callbackId);
        return view;
    }

    private static IReadOnlyList<string> Describe(IReadOnlyList<SlackApiCall> calls) => calls.Select(c => c.ToString().TrimEnd()).ToList();

    private IReadOnlyList<SlackApiCall> NewCalls(string step)
    {
        var all = host.Api.Calls;
        var fresh = all.Skip(seen).ToList();
        seen = all.Count;
        output.WriteLine($"{step}: {string.Join(" | ", fresh)}");
        return fresh;
    }
}
