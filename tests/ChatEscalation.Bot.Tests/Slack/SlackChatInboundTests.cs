using ChatEscalation.Bot.Conversations;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>The Slack chat behaviour through the running host: raise modal, text commands, DMs, mentions, repeated clicks.</summary>
public sealed class SlackChatInboundTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice;
    private RunningSlackChatHost host = null!;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TicketCommand_NoText_RaiseModalThenSubmissionRaisesWithAllFields()
    {
        (await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", ""))).ShouldBeEmpty();
        var open = await host.Api.WaitForAsync("views.open", 0);
        var view = open.Body["view"]!.AsObject();
        view["callback_id"]!.GetValue<string>().ShouldBe("raise");
        view["blocks"]!.AsArray().Select(b => b!["block_id"]!.GetValue<string>()).ShouldBe(["title", "description", "category", "impact", "urgency", "service"]);

        var reply = await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Uma, view, new Dictionary<string, string>
        {
            ["title"] = "Payroll export fails", ["description"] = "Since this morning", ["service"] = "Payroll",
        }, "V0RAISE"));
        reply.ShouldBeEmpty();
        // The modal is gone: the reporter is told in the app's DM (through the outbox, after the queue card).
        var confirmation = await host.Api.WaitForAsync("chat.postMessage", 0, c => c["channel"] == Uma.DmChannel || c["channel"] == Uma.Id);
        confirmation["text"]!.ShouldContain("INC-000001");
        await host.DispatchAsync();
        var card = host.Api.Calls.First(c => c.Method == "chat.postMessage" && c["channel"]!.StartsWith("C0TIER") && c["thread_ts"] is null);
        card.BlockText.ShouldContain("Payroll export fails");
        card.BlockText.ShouldContain("Since this morning");
        card.BlockText.ShouldContain("Payroll");
    }

    [Fact]
    public async Task RaiseModal_EmptyTitle_ErrorInlineOnTitle()
    {
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "raise", ["private_metadata"] = "" };
        var reply = JsonNode.Parse(await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Uma, view, new Dictionary<string, string> { ["title"] = "" }, "V0RAISE2")))!;

        reply["response_action"]!.GetValue<string>().ShouldBe("errors");
        reply["errors"]!["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task TextCommands_StatusMineOnCallHelp_AnsweredEphemerally()
    {
        var raised = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Outlook crashes on start")));
        raised["text"]!.GetValue<string>().ShouldContain("INC-000001");

        var status = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "status INC-1")));
        status["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        status["text"]!.GetValue<string>().ShouldContain("INC-000001 Outlook crashes on start");
        var mine = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "mine")));
        mine["text"]!.GetValue<string>().ShouldContain("Your open tickets (1)");
        var oncall = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/oncall", "")));
        oncall["text"]!.GetValue<string>().ShouldContain("Tier");
        var help = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "help")));
        help["text"]!.GetValue<string>().ShouldContain("status INC-42");
    }

    [Fact]
    public async Task DirectMessage_NotUnderstood_ButtonOpensRaiseModalPrefilled()
    {
        await PostAsync("/slack/events", SlackChatPayloads.DirectMessage(Uma, "my printer is on fire", "Ev0DM1", "1773136810.000100"), "application/json");
        var answer = await host.Api.WaitForAsync("chat.postMessage", 0);
        answer["channel"].ShouldBe(Uma.DmChannel);
        answer.ActionIds.ShouldBe(["raise"]);
        var value = answer.Blocks![1]!["elements"]![0]!["value"]!.GetValue<string>();
        value.ShouldBe("my printer is on fire");

        var seen = host.Api.Calls.Count;
        var click = SlackChatPayloads.BlockAction(Uma, Uma.DmChannel, answer.AnsweredTs!, "raise", 0, "1773136811.000100").Replace("value%22%3A%220%22", "value%22%3A%22my%20printer%20is%20on%20fire%22");
        (await PostAsync("/slack/interactions", click)).ShouldBeEmpty();
        var open = await host.Api.WaitForAsync("views.open", seen);
        var title = open.Body["view"]!["blocks"]![0]!["element"]!["initial_value"]!.GetValue<string>();
        title.ShouldBe("my printer is on fire");
    }

    [Fact]
    public async Task DirectMessage_WordsSayWhoAndHowUrgent_RaiseModalGuessesCategoryImpactAndUrgency()
    {
        const string text = "the whole office printer is broken, urgent";
        await PostAsync("/slack/events", SlackChatPayloads.DirectMessage(Uma, text, "Ev0DM2", "1773136812.000100"), "application/json");
        var answer = await host.Api.WaitForAsync("chat.postMessage", 0);

        var seen = host.Api.Calls.Count;
        var click = SlackChatPayloads.BlockAction(Uma, Uma.DmChannel, answer.AnsweredTs!, "raise", 0, "1773136813.000100")
            .Replace("value%22%3A%220%22", "value%22%3A%22" + Uri.EscapeDataString(text) + "%22");
        (await PostAsync("/slack/interactions", click)).ShouldBeEmpty();
        var blocks = (await host.Api.WaitForAsync("views.open", seen)).Body["view"]!["blocks"]!.AsArray();

        string? Initial(string blockId) => blocks.Single(b => b!["block_id"]!.GetValue<string>() == blockId)!["element"]!["initial_option"]?["value"]?.GetValue<string>();
        Initial("category").ShouldBe("Hardware");
        Initial("impact").ShouldBe("High");
        Initial("urgency").ShouldBe("High");
    }

    [Fact]
    public async Task Mention_TicketText_RaisesAndAnswersInThread()
    {
        await PostAsync("/slack/events", SlackChatPayloads.Mention(Uma, "C0GENERAL", "<@U0BOT> ticket Wi-Fi down on floor 3", "Ev0MEN1", "1773136820.000100"), "application/json");
        var answer = await host.Api.WaitForAsync("chat.postMessage", 0, c => c["channel"] == "C0GENERAL");
        answer["thread_ts"].ShouldBe("1773136820.000100");
        answer["text"]!.ShouldContain("INC-000001");
        answer.BlockText.ShouldContain("Wi-Fi down on floor 3");
    }

    [Fact]
    public async Task DirectMessage_TicketText_RaisedBeforeTheAnswerLeaves()
    {
        await PostAsync("/slack/events", SlackChatPayloads.DirectMessage(Uma, "ticket Keyboard types twice", "Ev0DM9", "1773136815.000100"), "application/json");

        // No waiting for the background: the ticket exists as soon as Slack has its 200 (the reply message may follow).
        var status = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "mine")));
        status["text"]!.GetValue<string>().ShouldContain("Keyboard types twice");
    }

    [Fact]
    public async Task PageDirectMessages_PersonNeverSeen_LookedUpByEmailOnceThenRemembered()
    {
        host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 19, 0, 0, TimeSpan.Zero)); // after hours: the P2 pages Tier 2's on-call (Dave)
        Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Payroll export fails for the whole team")));
        await host.DispatchAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.Services.GetRequiredService<ChatEscalation.Bot.Scheduling.IEscalationRunner>().SweepNowAsync();
        await host.DispatchAsync();

        host.Api.Calls.Count(c => c.Method == "chat.postMessage" && c["channel"] == SlackChatUser.Dave.DmChannel).ShouldBe(2); // page and re-page
        host.Api.Calls.Count(c => c.Method == "users.lookupByEmail" && c["email"] == "dave@demo.local").ShouldBe(1);
    }

    [Fact]
    public async Task BlockAction_SameClickDeliveredTwice_OneEffect()
    {
        Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Laptop will not boot")));
        await host.DispatchAsync();
        var card = host.Api.Calls.Single(c => c.Method == "chat.postMessage");
        var click = SlackChatPayloads.BlockAction(Alice, card["channel"]!, card.AnsweredTs!, "accept", 1, "1773136830.000100");
        (await PostAsync("/slack/interactions", click)).ShouldBeEmpty();
        (await PostAsync("/slack/interactions", click)).ShouldBeEmpty();
        await host.DispatchAsync();
        await Task.Delay(200);

        host.Api.Calls.Count(c => c.Method == "chat.update").ShouldBe(1);
        host.Api.Calls.ShouldNotContain(c => c.Method == "chat.postEphemeral"); // the repeat was dropped, not refused
        output.WriteLine(string.Join(" | ", host.Api.Calls));
    }

    [Fact]
    public async Task BlockAction_SameClickAfterTheProcessForgotIt_OneEffect_NoRefusal()
    {
        Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Docking station not charging")));
        await host.DispatchAsync();
        var card = host.Api.Calls.Single(c => c.Method == "chat.postMessage");
        var click = SlackChatPayloads.BlockAction(Alice, card["channel"]!, card.AnsweredTs!, "accept", 1, "1773136835.000100");
        (await PostAsync("/slack/interactions", click)).ShouldBeEmpty();
        await host.DispatchAsync();
        // The receipts remembered in memory are bounded: pushed out, as after a restart or a busy hour, only the stored receipt knows.
        var recent = host.Services.GetRequiredService<ChatEscalation.Persistence.Storage.RecentReceipts>();
        for (var i = 0; i < recent.Capacity; i++) recent.Remember(new ChatEscalation.Persistence.Storage.InboundReceipt("slack", $"filler:{i}"));
        var calls = host.Api.Calls.Count;

        (await PostAsync("/slack/interactions", click)).ShouldBeEmpty();
        await host.DispatchAsync();
        await Task.Delay(200);

        host.Api.Calls.Skip(calls).ShouldBeEmpty(); // no second card update, no "you already own it", no DM
        host.Api.Calls.Count(c => c.Method == "chat.update").ShouldBe(1);
    }

    [Fact]
    public async Task BlockAction_UsersInfoStalls_AnsweredWithinSlacksDeadline_NotAskedAgainForAMinute_ThenLookedUpAgain()
    {
        Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Monitor flickers")));
        await host.DispatchAsync();
        var card = host.Api.Calls.Single(c => c.Method == "chat.postMessage");
        host.Api.Stall("users.info", TimeSpan.FromSeconds(30));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        (await PostAsync("/slack/interactions", SlackChatPayloads.BlockAction(Alice, card["channel"]!, card.AnsweredTs!, "accept", 1, "1773136840.000100"))).ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // bounded by Slack:PeopleLookupBudget (1.5 s), not by the 30 s stall
        (await host.Api.WaitForAsync("chat.postEphemeral", 0))["user"].ShouldBe(Alice.Id); // unknown for now: refused, told so

        host.Api.Stall("users.info", TimeSpan.Zero);
        var lookups = host.Api.Calls.Count(c => c.Method == "users.info");
        (await PostAsync("/slack/interactions", SlackChatPayloads.BlockAction(Alice, card["channel"]!, card.AnsweredTs!, "accept", 1, "1773136840.000200"))).ShouldBeEmpty();
        host.Api.Calls.Count(c => c.Method == "users.info").ShouldBe(lookups);

        host.Time.Advance(LookupFailures.RetryAfter);
        (await PostAsync("/slack/interactions", SlackChatPayloads.BlockAction(Alice, card["channel"]!, card.AnsweredTs!, "accept", 1, "1773136841.000100"))).ShouldBeEmpty();
        host.Api.Calls.Count(c => c.Method == "users.info").ShouldBe(lookups + 1);
        var status = Json(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "status INC-1")));
        status["text"]!.GetValue<string>().ShouldContain("Alice");
    }

    private async Task<string> PostAsync(string path, string body, string contentType = "application/x-www-form-urlencoded")
    {
        using var response = await host.PostAsync(path, body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();
}
