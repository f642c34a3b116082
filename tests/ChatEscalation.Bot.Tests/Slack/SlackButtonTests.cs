using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// The card and alert buttons no other test presses (<c>escalate_manager</c>, <c>take_over</c>, <c>reopen</c>, <c>ack_page</c>), through
/// the running host: each one's success and one refusal, judged only by what Slack is sent and by <c>/ticket status INC-1</c>.
/// </summary>
public sealed class SlackButtonTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice, Bob = SlackChatUser.Bob, Maria = SlackChatUser.Maria,
        Guest = SlackChatUser.Guest;
    private static readonly string Tier1 = RunningSlackChatHost.TierChannel(1);
    private const string Form = "application/x-www-form-urlencoded";
    private RunningSlackChatHost host = null!;
    private int clicks;
    private int views;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync();

    public async Task DisposeAsync()
    {
        output.WriteLine(string.Join(Environment.NewLine, host.Api.Calls.Select(c => $"{c} {c["text"]}")));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task EscalateManager_ReasonSubmitted_ManagerChannelGetsAlertWithReason()
    {
        var card = await AcceptedByAliceAsync("Laptop will not boot");
        card.ActionIds.ShouldContain("escalate_manager");

        var seen = await SubmitReasonAsync(Alice, card, "escalate_manager", "Uma has a board meeting at noon");

        var alert = Posted(seen, RunningSlackChatHost.ManagerChannel).ShouldHaveSingleItem();
        alert["text"]!.ShouldContain("Alice (Tier 1) asks for a manager on INC-000001");
        alert["text"]!.ShouldContain("Uma has a board meeting at noon");
        alert.ActionIds.ShouldContain("take_over");
    }

    [Fact]
    public async Task EscalateManager_EmptyReason_ErrorInlineOnReasonAndNoAlert()
    {
        var card = await AcceptedByAliceAsync("Laptop will not boot");
        var view = await OpenModalAsync(Alice, card, "escalate_manager");
        var seen = host.Api.Calls.Count;

        var reply = (await SubmitAsync(Alice, view, "reason", "")).ShouldNotBeNull();
        await host.DispatchAsync();

        reply["response_action"]!.GetValue<string>().ShouldBe("errors");
        reply["errors"]!.AsObject().Select(p => p.Key).ShouldBe(["reason"]);
        reply["errors"]!["reason"]!.GetValue<string>().ShouldContain("Say why a manager is needed");
        Posted(seen, RunningSlackChatHost.ManagerChannel).ShouldBeEmpty();
    }

    [Fact]
    public async Task TakeOver_ManagerOnManagerAlert_ManagerOwnsAndPreviousOwnerIsTold()
    {
        var alert = await ManagerAlertAsync();
        alert.ActionIds.ShouldContain("take_over");
        var seen = host.Api.Calls.Count;

        await ClickAsync(Maria, alert, "take_over");
        await host.DispatchAsync();

        var toAlice = Posted(seen, Alice.DmChannel).ShouldHaveSingleItem();
        toAlice["text"]!.ShouldContain("Maria (IT manager) took over INC-000001");
        toAlice["text"]!.ShouldContain("from you");
        host.Api.Calls.Skip(seen).ShouldNotContain(c => c.Method == "chat.postEphemeral");
        (await StatusAsync()).ShouldContain("In progress with Maria (IT manager)");
    }

    [Fact]
    public async Task TakeOver_PlainTechnician_EphemeralRefusalAndOwnerUnchanged()
    {
        var alert = await ManagerAlertAsync();
        var seen = host.Api.Calls.Count;

        var refusal = await RefusedClickAsync(Bob, alert, "take_over");

        refusal.ShouldContain("Only a manager or a Tier 1");
        refusal.ShouldContain("lead can take over INC-000001");
        Posted(seen, Alice.DmChannel).ShouldBeEmpty();
        (await StatusAsync()).ShouldContain("In progress with Alice (Tier 1)");
    }

    [Fact]
    public async Task Reopen_ReporterOnResolvedDm_ModalThenTicketBackInQueue()
    {
        await ResolvedByAliceAsync();
        var resolvedDm = host.Api.Calls.Last(c => c.Method == "chat.postMessage" && c["channel"] == Uma.DmChannel);
        resolvedDm["text"]!.ShouldContain("resolved by");
        resolvedDm.ActionIds.ShouldBe(["reopen"]);

        var seen = await SubmitReasonAsync(Uma, resolvedDm, "reopen", "The laptop still will not boot");

        var status = await StatusAsync();
        status.ShouldContain("Waiting for a Tier 1");
        status.ShouldNotContain("Resolved");
        Posted(seen, Alice.DmChannel).ShouldHaveSingleItem()["text"]!.ShouldContain("was reopened by Uma (end user): The laptop still will not boot");
        var card = host.Api.Calls.Skip(seen).Last(c => c.Method == "chat.update" && c["channel"] == Tier1);
        card.ActionIds.ShouldContain("accept");
    }

    [Fact]
    public async Task Reopen_StrangerOnResolvedCard_ErrorInlineAndStaysResolved()
    {
        var card = await ResolvedByAliceAsync();
        host.Api.Calls.Last(c => c.Method == "chat.update" && c["ts"] == card.AnsweredTs).ActionIds.ShouldBe(["reopen"]);

        var view = await OpenModalAsync(Guest, card, "reopen");
        var seen = host.Api.Calls.Count;
        var reply = (await SubmitAsync(Guest, view, "reason", "Looks broken to me")).ShouldNotBeNull();
        await host.DispatchAsync();

        reply["response_action"]!.GetValue<string>().ShouldBe("errors");
        reply["errors"]!["reason"]!.GetValue<string>().ShouldContain("Only the reporter or the support team can reopen INC-000001");
        host.Api.Calls.Skip(seen).ShouldNotContain(c => c.Method == "chat.postMessage" || c.Method == "chat.update");
        (await StatusAsync()).ShouldContain("Resolved by Alice (Tier 1)");
    }

    [Fact]
    public async Task AckPage_OnCallPersonOnPageDm_OwnsTicketAndOnCallChannelTold()
    {
        var (paged, pageDm, _) = await AfterHoursPageAsync();
        var seen = host.Api.Calls.Count;

        await ClickAsync(paged, pageDm, "ack_page");
        await host.DispatchAsync();

        host.Api.Calls.Skip(seen).ShouldNotContain(c => c.Method == "chat.postEphemeral");
        Posted(seen, RunningSlackChatHost.OnCallChannel).ShouldHaveSingleItem()["text"]!.ShouldContain($"{paged.Name} acknowledged the page for INC-000001");
        (await StatusAsync()).ShouldContain($"In progress with {paged.Name}");
    }

    [Fact]
    public async Task AckPage_Reporter_EphemeralRefusalAndStillWaiting()
    {
        var (paged, _, onCallAlert) = await AfterHoursPageAsync();
        var seen = host.Api.Calls.Count;

        var refusal = await RefusedClickAsync(Uma, onCallAlert, "ack_page");

        refusal.ShouldContain($"The page for INC-000001 is for {paged.Name}");
        Posted(seen, RunningSlackChatHost.OnCallChannel).ShouldBeEmpty();
        (await StatusAsync()).ShouldContain("Waiting for a Tier 2");
    }

    /// <summary>Uma raises <paramref name="title"/> and Alice accepts it on the Tier 1 card; returns the card as first posted.</summary>
    private async Task<SlackApiCall> AcceptedByAliceAsync(string title)
    {
        await PostOkAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", title));
        await host.DispatchAsync();
        var card = Posted(0, Tier1).ShouldHaveSingleItem();
        await ClickAsync(Alice, card, "accept");
        await host.DispatchAsync();
        (await StatusAsync()).ShouldContain("In progress with Alice (Tier 1)");
        return card;
    }

    /// <summary>Alice accepts and asks for a manager through the modal; returns the alert posted to the manager channel.</summary>
    private async Task<SlackApiCall> ManagerAlertAsync()
    {
        await SubmitReasonAsync(Alice, await AcceptedByAliceAsync("Laptop will not boot"), "escalate_manager", "Uma has a board meeting at noon");
        return Posted(0, RunningSlackChatHost.ManagerChannel).ShouldHaveSingleItem();
    }

    /// <summary>Alice accepts and resolves through the resolve modal; returns the Tier 1 card as first posted.</summary>
    private async Task<SlackApiCall> ResolvedByAliceAsync()
    {
        var card = await AcceptedByAliceAsync("Laptop will not boot");
        var view = await OpenModalAsync(Alice, card, "resolve");
        (await SubmitAsync(Alice, view, "resolution", "Reseated the memory module")).ShouldBeNull();
        await host.DispatchAsync();
        (await StatusAsync()).ShouldContain("Resolved by Alice (Tier 1)");
        return card;
    }

    /// <summary>
    /// At 19:00 on the Tuesday (after hours) Uma raises a Payroll ticket (a critical service: P2, opened at Tier 2, paged); returns who
    /// was paged, as the on-call channel names them, their page DM with its Acknowledge button, and the on-call channel alert.
    /// </summary>
    private async Task<(SlackChatUser Paged, SlackApiCall PageDm, SlackApiCall OnCallAlert)> AfterHoursPageAsync()
    {
        host.Time.SetUtcNow(RunningSlackChatHost.T0.AddHours(9)); // 19:00 London, an hour after the desk closes
        await PostOkAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Payroll export fails for the whole team"));
        await host.DispatchAsync();

        var alert = Posted(0, RunningSlackChatHost.OnCallChannel).ShouldHaveSingleItem();
        alert["text"]!.ShouldContain("INC-000001 (P2)");
        alert.ActionIds.ShouldContain("ack_page");
        var paged = SlackChatUser.All.SingleOrDefault(u => alert["text"]!.StartsWith($"Paging {u.Name} (", StringComparison.Ordinal));
        paged.ShouldNotBeNull($"the on-call alert names nobody known to the fake Slack: {alert["text"]}");
        var page = Posted(0, paged.DmChannel).ShouldHaveSingleItem();
        page["text"]!.ShouldStartWith("Page: INC-000001");
        page.ActionIds.ShouldBe(["ack_page"]);
        (await StatusAsync()).ShouldContain("Waiting for a Tier 2");
        return (paged, page, alert);
    }

    /// <summary>Top-level chat.postMessage calls (no thread replies) to <paramref name="channel"/> after the first <paramref name="after"/> calls.</summary>
    private List<SlackApiCall> Posted(int after, string channel) =>
        host.Api.Calls.Skip(after).Where(c => c.Method == "chat.postMessage" && c["channel"] == channel && c["thread_ts"] is null).ToList();

    /// <summary><paramref name="who"/> presses <paramref name="action"/> on the message <paramref name="on"/>; Slack gets an empty 200.</summary>
    private async Task ClickAsync(SlackChatUser who, SlackApiCall on, string action)
    {
        var actionTs = "1773137000." + (++clicks).ToString("D6", CultureInfo.InvariantCulture);
        (await PostOkAsync("/slack/interactions", SlackChatPayloads.BlockAction(who, on["channel"]!, on.AnsweredTs!, action, 1, actionTs))).ShouldBeEmpty();
    }

    /// <summary>
    /// <paramref name="who"/> presses <paramref name="action"/> on <paramref name="on"/> and is refused: only they are told, with
    /// chat.postEphemeral in that message's channel. Then the outbox runs; returns the refusal's text.
    /// </summary>
    private async Task<string> RefusedClickAsync(SlackChatUser who, SlackApiCall on, string action)
    {
        var seen = host.Api.Calls.Count;
        await ClickAsync(who, on, action);
        var refusal = await host.Api.WaitForAsync("chat.postEphemeral", seen);
        await host.DispatchAsync();
        refusal["user"].ShouldBe(who.Id);
        refusal["channel"].ShouldBe(on["channel"]);
        return refusal["text"]!;
    }

    /// <summary>Presses a modal button and returns the view that views.open was sent, checked to be that button's modal for INC-1.</summary>
    private async Task<JsonObject> OpenModalAsync(SlackChatUser who, SlackApiCall on, string action)
    {
        var seen = host.Api.Calls.Count;
        await ClickAsync(who, on, action);
        var view = (await host.Api.WaitForAsync("views.open", seen)).Body["view"]!.AsObject();
        view["callback_id"]!.GetValue<string>().ShouldBe(action);
        view["private_metadata"]!.GetValue<string>().ShouldBe("1");
        return view;
    }

    /// <summary>
    /// <paramref name="who"/> presses <paramref name="action"/>, gets a modal that asks only for a reason, and submits
    /// <paramref name="reason"/>: the modal closes and the outbox runs. Returns how many Web API calls came before the submission.
    /// </summary>
    private async Task<int> SubmitReasonAsync(SlackChatUser who, SlackApiCall on, string action, string reason)
    {
        var view = await OpenModalAsync(who, on, action);
        view["blocks"]!.AsArray().Select(b => b!["block_id"]!.GetValue<string>()).ShouldBe(["reason"]);
        var seen = host.Api.Calls.Count;
        (await SubmitAsync(who, view, "reason", reason)).ShouldBeNull();
        await host.DispatchAsync();
        return seen;
    }

    /// <summary>Submits <paramref name="view"/> with <paramref name="value"/> typed into <paramref name="blockId"/>; the errors reply, or null when the modal closes.</summary>
    private async Task<JsonObject?> SubmitAsync(SlackChatUser who, JsonObject view, string blockId, string value)
    {
        var viewId = "V0BUTTON" + (++views).ToString(CultureInfo.InvariantCulture);
        var body = await PostOkAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(who, view, new Dictionary<string, string> { [blockId] = value }, viewId));
        return body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>What <c>/ticket status INC-1</c> answers Uma.</summary>
    private async Task<string> StatusAsync() =>
        JsonNode.Parse(await PostOkAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "status INC-1")))!["text"]!.GetValue<string>();

    private async Task<string> PostOkAsync(string path, string body)
    {
        using var response = await host.PostAsync(path, body, Form);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }
}
