using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 14: the commands the manifests promise, through the running host and the fake Slack Web API: <c>/oncall &lt;tier&gt;</c> in the
/// reader's zone (users.info <c>tz</c>), <c>whatif</c> in a DM, <c>/ticket P1 &lt;text&gt;</c>.
/// </summary>
public sealed class SlackCommandsTests : IAsyncLifetime
{
    private RunningSlackChatHost host = null!;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task OnCall_TierForReaderInNewYork_OnlyThatTierTimesInNewYork()
    {
        var carol = await CommandAsync(SlackChatUser.Carol, "/oncall", "tier 3");
        var uma = await CommandAsync(SlackChatUser.Uma, "/oncall", "tier 3");

        carol.ShouldContain("(times in New York time):");
        carol.ShouldContain("Tier 3 – Infrastructure");
        carol.ShouldNotContain("Tier 1");
        carol.ShouldNotContain("London time");
        uma.ShouldNotContain("times in"); // no tz from users.info: the desk's zone, as before
        host.Api.Calls.Count(c => c.Method == "users.info" && c["user"] == SlackChatUser.Carol.Id).ShouldBe(1); // the zone came with the lookup
    }

    [Fact]
    public async Task OnCall_UnknownName_SaysWhatExists()
    {
        var text = await CommandAsync(SlackChatUser.Uma, "/oncall", "plumbing");

        text.ShouldContain("No tier or rotation called \"plumbing\"");
        text.ShouldContain("infrastructure");
    }

    [Fact]
    public async Task WhatIf_InDirectMessage_DryRunSummaryAndNoTicketRaised()
    {
        using var response = await host.PostAsync("/slack/events",
            SlackChatPayloads.DirectMessage(SlackChatUser.Maria, "whatif P1 vip saturday 02:00", "Ev0WHATIF1", "1773136811.000100"), "application/json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.DispatchAsync();

        var answer = host.Api.Calls.Single(c => c.Method == "chat.postMessage");
        answer["channel"].ShouldBe(SlackChatUser.Maria.DmChannel);
        answer["text"]!.ShouldContain("What if a P1");
        answer["text"]!.ShouldContain("from Victor (CFO, VIP) is raised Sat 14 Mar 02:00 (London time)");
        answer["text"]!.ShouldContain("• First page: 02:00 (+0 min)");
        answer["text"]!.ShouldNotContain("/whatif?"); // the what-if page is served with the emulator, which is off next to Slack
    }

    [Fact]
    public async Task Ticket_P1Text_RaisedAsP1WithTheRestAsTitle()
    {
        var text = await CommandAsync(SlackChatUser.Uma, "/ticket", "P1 Whole office VPN is down");
        await host.DispatchAsync();

        text.ShouldContain("INC-000001");
        var card = host.Api.Calls.Single(c => c.Method == "chat.postMessage" && c["channel"] == RunningSlackChatHost.TierChannel(1));
        card.BlockText.ShouldContain("Whole office VPN is down");
        card.BlockText.ShouldContain("P1");
        card.BlockText.ShouldNotContain("P1 Whole office");
    }

    private async Task<string> CommandAsync(SlackChatUser user, string command, string text)
    {
        using var response = await host.PostAsync("/slack/commands", SlackChatPayloads.Command(user, command, text), "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["text"]!.GetValue<string>();
    }
}
