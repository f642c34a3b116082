using System.Net;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 14: "Raise a ticket" on somebody's message, through the running host and the fake Slack Web API: the shortcut opens the raise
/// modal with the message's text (and its files as links), the submission raises for the author with the clicker recorded, the
/// permalink is on the card, and the answer is a reply in the message's thread.
/// </summary>
public sealed class SlackRaiseFromMessageTests : IAsyncLifetime
{
    private const string Channel = "C0GENERAL", MessageTs = "1773136700.000200";
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice;
    private RunningSlackChatHost host = null!;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task MessageShortcut_SubmittedByAnotherPerson_TicketForTheAuthorLinkedAndAnsweredInTheThread()
    {
        // Alice uses the shortcut on Uma's message: empty 200, then views.open with the raise modal prefilled from the message.
        var shortcut = SlackChatPayloads.MessageShortcut(Alice, SlackInbound.RaiseShortcut, Channel, Uma,
            "Is the VPN down for anyone else? It drops every 10 minutes", MessageTs, ("vpn-error.png", "https://desk.slack.com/files/U0UMA/F0PNG/vpn-error.png"));
        (await InteractAsync(shortcut)).ShouldBeEmpty();
        var open = await host.Api.WaitForAsync("views.open", 0);
        var view = open.Body["view"]!.AsObject();
        view["callback_id"]!.GetValue<string>().ShouldBe("raise");
        var blocks = view["blocks"]!.AsArray();
        var title = blocks.Single(b => b!["block_id"]!.GetValue<string>() == "title")!["element"]!["initial_value"]!.GetValue<string>();
        title.ShouldBe("Is the VPN down for anyone else? It drops every 10 minutes");
        var details = blocks.Single(b => b!["block_id"]!.GetValue<string>() == "description")!["element"]!["initial_value"]!.GetValue<string>();
        details.ShouldContain("vpn-error.png: https://desk.slack.com/files/U0UMA/F0PNG/vpn-error.png");
        blocks.Single(b => b!["block_id"]!.GetValue<string>() == "category")!["element"]!["initial_option"]!["value"]!.GetValue<string>().ShouldBe("Network");

        // The same shortcut delivered twice opens one modal.
        (await InteractAsync(shortcut)).ShouldBeEmpty();

        // Alice submits it as prefilled.
        var submitted = SlackChatPayloads.ViewSubmission(Alice, view, new Dictionary<string, string> { ["title"] = title, ["description"] = details }, "V0SHORT",
            new Dictionary<string, string> { ["category"] = "Network", ["impact"] = "Medium", ["urgency"] = "Medium" });
        (await InteractAsync(submitted)).ShouldBeEmpty();
        await host.DispatchAsync();

        var calls = host.Api.Calls;
        calls.Count(c => c.Method == "views.open").ShouldBe(1);
        calls.ShouldContain(c => c.Method == "chat.getPermalink" && c["channel"] == Channel && c["message_ts"] == MessageTs);
        var card = calls.Single(c => c.Method == "chat.postMessage" && c["channel"] == RunningSlackChatHost.TierChannel(1) && c["thread_ts"] == null);
        card.BlockText.ShouldContain("https://desk.slack.com/archives/C0GENERAL/p1773136700000200");
        card.BlockText.ShouldContain("Uma (end user)"); // the reporter is the author, not the clicker
        var thread = calls.Single(c => c.Method == "chat.postMessage" && c["channel"] == Channel);
        thread["thread_ts"].ShouldBe(MessageTs);
        thread["text"]!.ShouldContain("INC-000001 raised from this message by Alice (Tier 1) for Uma (end user)");
        thread["text"]!.ShouldContain("Waiting for a Tier 1");
        calls.ShouldContain(c => c.Method == "chat.postMessage" && c["channel"] == Uma.DmChannel && c["text"]!.Contains("raised for you by Alice"));
    }

    private async Task<string> InteractAsync(string form)
    {
        using var response = await host.PostAsync("/slack/interactions", form, "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }
}
