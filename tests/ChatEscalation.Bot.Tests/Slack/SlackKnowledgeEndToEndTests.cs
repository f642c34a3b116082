using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Dashboard;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 15's "must show" in Slack, against the running host (<see cref="RunningSlackChatHost"/>, knowledge at intake on as in
/// production): ten reports of one outage become one incident, and a suggestion the reporter accepts resolves the ticket as deflected.
/// </summary>
public sealed class SlackKnowledgeEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Outage = "VPN drops every 10 minutes";
    private static readonly string Tier1 = RunningSlackChatHost.TierChannel(1), Tier2 = RunningSlackChatHost.TierChannel(2);
    private RunningSlackChatHost host = null!;
    private int clicks;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TenReportsOfOneOutage_TenPeople_OneCardTenLinkedOneManagerAlertOneBroadcastOnResolve()
    {
        var reporters = SlackChatUser.Reporters;
        var parent = await RaiseAsync(reporters[0], Outage);
        await host.DispatchAsync();

        // Nine more people report it: each is asked "Same problem?" in their DM and says yes; no card of theirs reaches a queue.
        var reports = new List<long>();
        foreach (var reporter in reporters.Skip(1))
        {
            var number = await RaiseAsync(reporter, Outage);
            reports.Add(number);
            await host.DispatchAsync();
            var offer = host.Api.Calls.Last(c => c.Method == "chat.postMessage" && c["channel"] == reporter.DmChannel);
            offer.BlockText.ShouldContain($"Looks like {TicketKey.Format(parent)}");
            offer.BlockText.ShouldContain("Same problem?");
            offer.ActionIds.ShouldBe(["me_too", "not_same"]);
            await ClickAsync(reporter, reporter.DmChannel, offer.AnsweredTs!, "me_too", number);
            await host.DispatchAsync();
        }

        // One queue card per tier the incident visited (Tier 1, then Tier 2 where a major incident opens), all of them the parent's.
        var cards = host.Api.Calls.Where(c => c.Method == "chat.postMessage" && c["thread_ts"] is null && c["channel"] is { } ch && ch.StartsWith("C0TIER", StringComparison.Ordinal)).ToList();
        cards.Select(c => c["channel"]).ShouldBe([Tier1, Tier2]);
        cards.ShouldAllBe(c => c.BlockText.Contains(TicketKey.Format(parent)));
        foreach (var report in reports) host.Api.Calls.ShouldNotContain(c => c.Method == "chat.postMessage" && c.BlockText.Contains(TicketKey.Format(report)) && c["channel"]!.StartsWith("C0TIER"));

        var incident = (await GetAsync(parent))!;
        incident.AffectedPeople().Count.ShouldBe(10);
        incident.Reports.Select(r => r.TicketNumber).ShouldBe(reports, ignoreOrder: true);
        incident.Major.ShouldNotBeNull();
        (incident.Priority, incident.Tier).ShouldBe((Priority.P1, 2));
        incident.RoutingReason.ShouldStartWith("P1: 10 people affected in");
        foreach (var report in reports) ((await GetAsync(report))!.Status, (await GetAsync(report))!.ParentNumber).ShouldBe((TicketStatus.Linked, parent));
        cards[1].BlockText.ShouldContain("10 people affected");

        // The managers are told once.
        var managerPosts = host.Api.Calls.Where(c => c.Method == "chat.postMessage" && c["channel"] == RunningSlackChatHost.ManagerChannel).ToList();
        output.WriteLine(string.Join("\n", managerPosts.Select(p => p["text"])));
        managerPosts.Count(p => (p["text"] ?? "").Contains("major incident", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);

        // Carol (Tier 2) accepts and resolves the incident: everybody affected hears it once, and every linked report is resolved with the fix.
        var tier2Ts = cards[1].AnsweredTs!;
        await ClickAsync(SlackChatUser.Carol, Tier2, tier2Ts, "accept", parent);
        await host.DispatchAsync();
        var before = host.Api.Calls.Count;
        await ClickAsync(SlackChatUser.Carol, Tier2, tier2Ts, "resolve", parent);
        var modal = (await host.Api.WaitForAsync("views.open", before)).Body["view"]!.AsObject();
        using (var submitted = await host.PostAsync("/slack/interactions",
            SlackChatPayloads.ViewSubmission(SlackChatUser.Carol, modal, new Dictionary<string, string> { ["resolution"] = "Restarted the VPN concentrator" }, "V0RESMI"), "application/x-www-form-urlencoded"))
            submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var beforeBroadcast = host.Api.Calls.Count;
        await host.DispatchAsync();
        var broadcast = host.Api.Calls.Skip(beforeBroadcast).Where(c => c.Method == "chat.postMessage" && c["channel"]!.StartsWith("D0REP")).ToList();
        broadcast.Select(c => c["channel"]).ShouldBe(reporters.Select(r => r.DmChannel), ignoreOrder: true);
        broadcast.ShouldAllBe(c => c["text"]!.Contains("Restarted the VPN concentrator"));
        foreach (var report in reports)
        {
            var t = (await GetAsync(report))!;
            (t.Status, t.Resolution).ShouldBe((TicketStatus.Resolved, "Restarted the VPN concentrator"));
        }

        // The dashboard's figures (what /dashboard/api/figures serves; with Slack connected the page itself needs sign-in): one major
        // incident, one person at the raise and one more at each linked report.
        var figures = await FiguresAsync();
        var major = figures.MajorIncidents.ShouldHaveSingleItem();
        (major.Key, major.PeopleNow).ShouldBe((TicketKey.Format(parent), 10));
        major.Points.Select(p => p.People).ShouldBe(Enumerable.Range(1, 10));
        // Linked reports are not first-contact resolutions of their own: the one resolution is the incident's, at Tier 2.
        (figures.Knowledge.WithSuggestions.Resolved, figures.Knowledge.WithSuggestions.ResolvedAtTier1WithoutEscalation).ShouldBe((1, 0));
    }

    [Fact]
    public async Task SuggestionAccepted_ReporterPressesThisFixedIt_ResolvedAsDeflected()
    {
        // A fix on record: Alice resolves Uma's VPN ticket at Tier 1.
        var first = await RaiseAsync(SlackChatUser.Uma, Outage);
        await host.DispatchAsync();
        var card = host.Api.Calls.Single(c => c.Method == "chat.postMessage" && c["channel"] == Tier1 && c["thread_ts"] is null);
        await ClickAsync(SlackChatUser.Alice, Tier1, card.AnsweredTs!, "accept", first);
        var before = host.Api.Calls.Count;
        await ClickAsync(SlackChatUser.Alice, Tier1, card.AnsweredTs!, "resolve", first);
        var modal = (await host.Api.WaitForAsync("views.open", before)).Body["view"]!.AsObject();
        using (var submitted = await host.PostAsync("/slack/interactions",
            SlackChatPayloads.ViewSubmission(SlackChatUser.Alice, modal, new Dictionary<string, string> { ["resolution"] = "Switched the VPN client to the 10 minutes keep-alive profile" }, "V0RESKB"), "application/x-www-form-urlencoded"))
            submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.DispatchAsync();

        // Someone else reports the same problem: the fix is offered to him with This fixed it / Still broken, and shown on the Tier 1 card.
        var reporter = SlackChatUser.Reporters[0];
        var number = await RaiseAsync(reporter, "My VPN drops every 10 minutes");
        before = host.Api.Calls.Count;
        await host.DispatchAsync();
        var sent = host.Api.Calls.Skip(before).ToList();
        var offer = sent.Single(c => c.Method == "chat.postMessage" && c["channel"] == reporter.DmChannel && c.ActionIds.Contains("fixed"));
        offer.BlockText.ShouldContain("these fixed similar problems");
        offer.BlockText.ShouldContain(TicketKey.Format(first));
        offer.ActionIds.ShouldBe(["fixed", "still_broken"]);
        var newCard = sent.Single(c => c.Method == "chat.postMessage" && c["channel"] == Tier1 && c["thread_ts"] is null);
        newCard.BlockText.ShouldContain("These fixed similar problems:");
        newCard.BlockText.ShouldContain("keep-alive profile");

        // Still broken changes nothing; This fixed it resolves the ticket as self-service, counted as deflected.
        await ClickAsync(reporter, reporter.DmChannel, offer.AnsweredTs!, "still_broken", number);
        (await GetAsync(number))!.Status.ShouldBe(TicketStatus.Queued);
        await ClickAsync(reporter, reporter.DmChannel, offer.AnsweredTs!, "fixed", number);
        await host.DispatchAsync();
        var ticket = (await GetAsync(number))!;
        (ticket.Status, ticket.SelfService).ShouldBe((TicketStatus.Resolved, true));
        await using (var scope = host.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().EventsAsync(number)).ShouldContain(e => e.Kind == EventKind.Deflected);

        // The dashboard counts it: 2 raised, 1 deflected; first contact 2 of 2 with the suggestion, 1 of 1 without it.
        var knowledge = (await FiguresAsync()).Knowledge;
        (knowledge.Raised, knowledge.TicketsOffered, knowledge.SuggestionsUsed, knowledge.DeflectionRate).ShouldBe((2, 1, 1, 0.5));
        knowledge.SuggestionsShown.ShouldBeGreaterThanOrEqualTo(1);
        (knowledge.WithSuggestions.Resolved, knowledge.WithSuggestions.ResolvedAtTier1WithoutEscalation).ShouldBe((2, 2));
        (knowledge.WithoutSuggestions.Resolved, knowledge.WithoutSuggestions.ResolvedAtTier1WithoutEscalation).ShouldBe((1, 1));
    }

    private async Task<EscalationFigures> FiguresAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationReport>().ComputeAsync(DashboardViewer.Everyone, null);
    }

    /// <summary>Raises with <c>/ticket</c> and returns the number the ephemeral answer names.</summary>
    private async Task<long> RaiseAsync(SlackChatUser user, string text)
    {
        using var response = await host.PostAsync("/slack/commands", SlackChatPayloads.Command(user, "/ticket", text), "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return long.Parse(Regex.Match(JsonNode.Parse(body)!["text"]!.GetValue<string>(), @"INC-(\d+)").Groups[1].Value);
    }

    private async Task ClickAsync(SlackChatUser user, string channel, string ts, string action, long ticket)
    {
        var actionTs = $"17731369{Interlocked.Increment(ref clicks):00}.000100";
        using var response = await host.PostAsync("/slack/interactions", SlackChatPayloads.BlockAction(user, channel, ts, action, ticket, actionTs), "application/x-www-form-urlencoded");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Ticket?> GetAsync(long number)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().GetAsync(number);
    }
}
