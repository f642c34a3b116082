using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Issue 15's "must show" in Teams, against the running host (<see cref="RunningTeamsHost"/>, knowledge at intake on as in production):
/// ten reports of one outage become one incident, and a suggestion the reporter accepts resolves the ticket as deflected.
/// </summary>
public sealed class TeamsKnowledgeEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Outage = "VPN drops every 10 minutes";
    private static readonly string Tier1 = RunningTeamsHost.TierChannel(1), Tier2 = RunningTeamsHost.TierChannel(2);
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;

    public async Task InitializeAsync()
    {
        host = await RunningTeamsHost.StartAsync();
        activities = new TeamsActivities(host);
        foreach (var channel in new[] { Tier1, Tier2, RunningTeamsHost.TierChannel(3), RunningTeamsHost.TierChannel(4), RunningTeamsHost.ManagerChannel })
            await PostOkAsync(activities.ChannelInstall(channel, TeamsTestUser.Maria));
        foreach (var user in TeamsTestUser.All.Concat(TeamsTestUser.Reporters)) await PostOkAsync(activities.PersonalInstall(user));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TenReportsOfOneOutage_TenPeople_OneCardTenLinkedOneManagerAlertOneBroadcastOnResolve()
    {
        var reporters = TeamsTestUser.Reporters;
        var parent = await RaiseAsync(reporters[0], Outage);

        // Nine more people report it: each is asked "Same problem?" in their chat and says yes; no card of theirs reaches a queue.
        var reports = new List<long>();
        foreach (var reporter in reporters.Skip(1))
        {
            var start = Calls().Count;
            var number = await RaiseAsync(reporter, Outage);
            reports.Add(number);
            var offer = Calls().Skip(start).Last(c => c.Path == $"/v3/conversations/{reporter.PersonalConversationId}/activities");
            offer.BodyText.ShouldContain($"Looks like {TicketKey.Format(parent)}");
            CardInspection.Verbs(offer.Card).ShouldBe(["meToo", "notSame"]);
            await InvokeOkAsync(activities.Execute(reporter, reporter.PersonalConversationId, reporter.PersonalConversationId, "dm-offer", "meToo", number));
            await host.DispatchAsync();
        }

        // One queue card per tier the incident visited (Tier 1, then Tier 2 where a major incident opens), all of them the parent's.
        var cards = Calls().Where(c => c.Method == "POST" && c.Path == "/v3/conversations" && c.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>() is { } ch
            && ch.StartsWith("19:tier", StringComparison.Ordinal)).ToList();
        cards.Select(c => c.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>()).ShouldBe([Tier1, Tier2]);
        cards.ShouldAllBe(c => CardInspection.Text(c.Card).Contains(TicketKey.Format(parent)));
        CardInspection.Text(cards[1].Card).ShouldContain("10 people affected");

        var incident = (await GetAsync(parent))!;
        incident.AffectedPeople().Count.ShouldBe(10);
        incident.Reports.Select(r => r.TicketNumber).ShouldBe(reports, ignoreOrder: true);
        (incident.Priority, incident.Tier, incident.Major is not null).ShouldBe((Priority.P1, 2, true));
        foreach (var report in reports) (await GetAsync(report))!.Status.ShouldBe(TicketStatus.Linked);

        // The managers are told once.
        var managerPosts = Calls().Where(c => c.BodyText.Contains(RunningTeamsHost.ManagerChannel, StringComparison.Ordinal)).ToList();
        output.WriteLine(string.Join("\n", managerPosts.Select(p => p.BodyText)));
        managerPosts.Count(p => p.BodyText.Contains("major incident", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);

        // Carol (Tier 2) accepts and resolves the incident: everybody affected hears it once, and every linked report is resolved with the fix.
        var (t2Thread, t2Card) = host.Simulator.LastPostIn(Tier2);
        await InvokeOkAsync(activities.Execute(TeamsTestUser.Carol, Tier2, t2Thread, t2Card, "accept", parent));
        await host.DispatchAsync();
        await InvokeOkAsync(activities.Execute(TeamsTestUser.Carol, Tier2, t2Thread, t2Card, "resolve", parent, new JsonObject { ["resolution"] = "Restarted the VPN concentrator" }));
        var before = Calls().Count;
        await host.DispatchAsync();
        var broadcast = Calls().Skip(before) // new messages to the reporters (edits of a reporter's earlier answer card are not the broadcast)
            .Where(c => c.Path.StartsWith("/v3/conversations/a:reporter", StringComparison.Ordinal) && c.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        broadcast.Select(c => c.Path).ShouldBe(reporters.Select(r => $"/v3/conversations/{r.PersonalConversationId}/activities"), ignoreOrder: true);
        broadcast.ShouldAllBe(c => c.BodyText.Contains("Restarted the VPN concentrator"));
        foreach (var report in reports) ((await GetAsync(report))!.Status, (await GetAsync(report))!.Resolution).ShouldBe((TicketStatus.Resolved, "Restarted the VPN concentrator"));
    }

    [Fact]
    public async Task SuggestionAccepted_ReporterPressesThisFixedIt_ResolvedAsDeflected()
    {
        // A fix on record: Alice resolves Uma's VPN ticket at Tier 1.
        var first = await RaiseAsync(TeamsTestUser.Uma, Outage);
        var (t1Thread, t1Card) = host.Simulator.LastPostIn(Tier1);
        await InvokeOkAsync(activities.Execute(TeamsTestUser.Alice, Tier1, t1Thread, t1Card, "accept", first));
        await InvokeOkAsync(activities.Execute(TeamsTestUser.Alice, Tier1, t1Thread, t1Card, "resolve", first,
            new JsonObject { ["resolution"] = "Switched the VPN client to the 10 minutes keep-alive profile" }));
        await host.DispatchAsync();

        // Someone else reports the same problem: the fix is offered with This fixed it / Still broken, and shown on the Tier 1 card.
        var reporter = TeamsTestUser.Reporters[0];
        var start = Calls().Count;
        var number = await RaiseAsync(reporter, "My VPN drops every 10 minutes");
        var sent = Calls().Skip(start).ToList();
        var offer = sent.Single(c => c.Path == $"/v3/conversations/{reporter.PersonalConversationId}/activities" && CardInspection.Verbs(c.Card).Contains("fixed"));
        offer.BodyText.ShouldContain("these fixed similar problems");
        offer.BodyText.ShouldContain(TicketKey.Format(first));
        CardInspection.Verbs(offer.Card).ShouldBe(["fixed", "stillBroken"]);
        var newCard = sent.Single(c => c.Path == "/v3/conversations" && c.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>() == Tier1);
        CardInspection.Text(newCard.Card).ShouldContain("These fixed similar problems:");
        CardInspection.Text(newCard.Card).ShouldContain("keep-alive profile");

        // Still broken changes nothing; This fixed it resolves the ticket as self-service, counted as deflected.
        await host.InvokeAsync(activities.Execute(reporter, reporter.PersonalConversationId, reporter.PersonalConversationId, "dm-offer", "stillBroken", number));
        (await GetAsync(number))!.Status.ShouldBe(TicketStatus.Queued);
        await InvokeOkAsync(activities.Execute(reporter, reporter.PersonalConversationId, reporter.PersonalConversationId, "dm-offer", "fixed", number));
        await host.DispatchAsync();
        var ticket = (await GetAsync(number))!;
        (ticket.Status, ticket.SelfService).ShouldBe((TicketStatus.Resolved, true));
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().EventsAsync(number)).ShouldContain(e => e.Kind == EventKind.Deflected);
    }

    /// <summary>Raises from the person's 1:1 chat, dispatches, and returns the number the answer names.</summary>
    private async Task<long> RaiseAsync(TeamsTestUser user, string text)
    {
        var start = Calls().Count;
        await PostOkAsync(activities.PersonalMessage(user, "ticket " + text));
        await host.DispatchAsync();
        var answer = Calls().Skip(start).First(c => c.Path == $"/v3/conversations/{user.PersonalConversationId}/activities" && c.BodyText.Contains("raised"));
        return long.Parse(Regex.Match(answer.Body!["text"]!.GetValue<string>(), @"INC-(\d+)").Groups[1].Value);
    }

    private List<ConnectorCall> Calls() => host.Connector.ConnectorRequests.Select(ConnectorCall.From).ToList();

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task InvokeOkAsync(JsonObject activity)
    {
        var (status, body) = await host.InvokeAsync(activity);
        status.ShouldBe(200);
        body.ShouldNotBeNull();
        body["statusCode"]!.GetValue<int>().ShouldBe(200, body.ToJsonString());
    }

    private async Task<Ticket?> GetAsync(long number)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().GetAsync(number);
    }
}
