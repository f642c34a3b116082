using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 14: the vendor's answer stops their response clock, through the running host and the fake Slack Web API. Two tickets go to
/// Tier 4 with a vendor case; the vendor answers on one (by the card's "Vendor responded" button and its modal, or typed); after the
/// contracted response time only the other one is chased as "past its contracted response time".
/// </summary>
public sealed class SlackVendorUpdateTests : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Maria = SlackChatUser.Maria;
    private static readonly string Tier4 = RunningSlackChatHost.TierChannel(4);
    private RunningSlackChatHost host = null!;
    private int events;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task VendorResponded_ButtonOnTier4Card_ResponseOverdueChaserNoLongerFires()
    {
        var answered = await AtVendorAsync("Firewall drops VPN tunnels");
        var silent = await AtVendorAsync("Firewall blocks the payroll upload");
        await host.DispatchAsync();
        var card = host.Api.Calls.Last(c => c.Method is "chat.postMessage" or "chat.update" && c["channel"] == Tier4 && c.BlockText.Contains(Key(answered)));
        card.ActionIds.ShouldContain("vendor_update");
        var cardTs = card.AnsweredTs ?? card["ts"]!;

        // Maria presses "Vendor responded": the modal asks what they said; she submits it.
        var before = host.Api.Calls.Count;
        await InteractAsync(SlackChatPayloads.BlockAction(Maria, Tier4, cardTs, "vendor_update", answered, "1773136900.000100"));
        var open = await host.Api.WaitForAsync("views.open", before);
        var view = open.Body["view"]!.AsObject();
        view["callback_id"]!.GetValue<string>().ShouldBe("vendor_update");
        (await InteractAsync(SlackChatPayloads.ViewSubmission(Maria, view, new Dictionary<string, string> { ["update"] = "Firmware fix ships tonight" }, "V0VENDOR"))).ShouldBeEmpty();
        await host.DispatchAsync();
        host.Api.Calls.Skip(before).ShouldContain(c => c.Method == "chat.postMessage" && c["channel"] == Tier4 && c["thread_ts"] != null
            && c["text"]!.Contains("Contoso Networks update on case CN-1: Firmware fix ships tonight"));

        // Past the contracted 2 hours: the sweep chases only the ticket whose vendor never answered.
        before = host.Api.Calls.Count;
        host.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await host.Services.GetRequiredService<IEscalationRunner>().SweepNowAsync();
        await host.DispatchAsync();
        var overdue = host.Api.Calls.Skip(before).Where(c => (c["text"] ?? "").Contains("past its contracted response time")).ToList();
        overdue.ShouldNotBeEmpty();
        overdue.ShouldAllBe(c => c["text"]!.Contains(Key(silent)));
    }

    [Fact]
    public async Task VendorResponded_Typed_RecordedAndAnswered()
    {
        var number = await AtVendorAsync("Firewall drops VPN tunnels");

        await DirectAsync(Maria, $"vendor {Key(number)} responded");
        await host.DispatchAsync();

        host.Api.Calls.ShouldContain(c => c.Method == "chat.postMessage" && c["channel"] == Maria.DmChannel
            && c["text"]!.Contains("Contoso Networks responded on") && c["text"]!.Contains("response clock is stopped"));
        await DirectAsync(Maria, $"vendor {Key(number)} responded");
        await host.DispatchAsync();
        host.Api.Calls.Count(c => c.Method == "chat.postMessage" && c["channel"] == Uma.DmChannel && (c["text"] ?? "").Contains("has responded")).ShouldBe(1);
    }

    /// <summary>Uma raises; Maria reassigns it to Tier 4, takes it over and links the Contoso case CN-1.</summary>
    private async Task<long> AtVendorAsync(string title)
    {
        using var response = await host.PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", title), "application/x-www-form-urlencoded");
        var text = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
        var number = long.Parse(Regex.Match(text, @"INC-(\d+)").Groups[1].Value);
        await DirectAsync(Maria, $"reassign {Key(number)} to tier 4 Firewall appliance fault");
        await DirectAsync(Maria, $"takeover {Key(number)}");
        await DirectAsync(Maria, $"vendor {Key(number)} Contoso Networks case CN-1");
        return number;
    }

    private async Task DirectAsync(SlackChatUser user, string text)
    {
        var n = ++events;
        using var response = await host.PostAsync("/slack/events", SlackChatPayloads.DirectMessage(user, text, $"Ev0VENDOR{n}", $"1773136850.{n:D6}"), "application/json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> InteractAsync(string form)
    {
        using var response = await host.PostAsync("/slack/interactions", form, "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    private static string Key(long number) => ChatEscalation.Core.Tickets.TicketKey.Format(number);
}
