using ChatEscalation.Bot.Conversations;
using System.Diagnostics;
using System.Net;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>Who sent a channel activity, for someone the bot has not met: asked of the team, and never at the cost of the answer.</summary>
public sealed class TeamsPeopleLookupTests : IAsyncLifetime
{
    private static readonly TeamsTestUser Alice = TeamsTestUser.Alice, Maria = TeamsTestUser.Maria, Uma = TeamsTestUser.Uma;
    private static readonly string Tier1 = RunningTeamsHost.TierChannel(1);
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;

    public async Task InitializeAsync()
    {
        host = await RunningTeamsHost.StartAsync();
        activities = new TeamsActivities(host);
        await PostOkAsync(activities.ChannelInstall(Tier1, Maria));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ChannelMention_UnknownSender_LookedUpInTheTeamNotTheThread()
    {
        var before = host.Connector.ConnectorRequests.Count;

        await PostOkAsync(activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 2 jams"));

        var lookup = host.Connector.ConnectorRequests.Skip(before).First(r => r.Method == "GET");
        lookup.RawTarget.ShouldBe($"/v3/conversations/{Uri.EscapeDataString(RunningTeamsHost.TeamId)}/members/{Uri.EscapeDataString(Alice.UserId)}");
        (await ReporterOfAsync(1)).Key.ShouldBe("alice@demo.local");
    }

    [Fact]
    public async Task ChannelMention_MemberLookupStalls_AnsweredWithinTheBudget_SenderActsUnderTheirTeamsKey()
    {
        host.Connector.Enqueue(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        await PostOkAsync(activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 2 jams"));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // Teams:PeopleLookupBudget (2 s), not the 30 s stall
        (await ReporterOfAsync(1)).Key.ShouldBe($"teams:{Alice.AadObjectId}");
    }

    [Fact]
    public async Task ChannelMention_MemberLookupFailed_NotAskedAgainForAMinute_ThenAskedAgain()
    {
        host.Connector.Enqueue(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(30)));
        await PostOkAsync(activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 2 jams"));
        var lookups = host.Connector.ConnectorRequests.Count(r => r.Method == "GET");

        await PostOkAsync(activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 3 jams"));
        host.Connector.ConnectorRequests.Count(r => r.Method == "GET").ShouldBe(lookups); // the failure is remembered
        (await ReporterOfAsync(2)).Key.ShouldBe($"teams:{Alice.AadObjectId}");

        host.Time.Advance(LookupFailures.RetryAfter);
        await PostOkAsync(activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 4 jams"));
        host.Connector.ConnectorRequests.Count(r => r.Method == "GET").ShouldBe(lookups + 1);
        (await ReporterOfAsync(3)).Key.ShouldBe("alice@demo.local");
    }

    [Fact]
    public async Task Submit_InChannelBySomeoneWithoutAOneToOneChat_AnsweredInTheThread()
    {
        await PostOkAsync(activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 2 jams"));
        await host.DispatchAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var before = host.Connector.ConnectorRequests.Count;
        var submit = activities.Submit(Alice, Tier1, thread, root, "accept", 1);

        await PostOkAsync(submit);
        await host.DispatchAsync();

        var reply = host.Connector.ConnectorRequests.Skip(before).Single(r => r.Method == "POST" && r.RawTarget.Contains("/activities/", StringComparison.Ordinal)
            && r.RawTarget.EndsWith(Uri.EscapeDataString(submit["id"]!.GetValue<string>()), StringComparison.Ordinal));
        reply.RawTarget.ShouldBe($"/v3/conversations/{Uri.EscapeDataString(thread)}/activities/{Uri.EscapeDataString(submit["id"]!.GetValue<string>())}");
    }

    [Fact]
    public async Task ReporterMetOnlyInAChannel_GetsHandoffDirectMessagesInANewOneToOneChat_CreatedOnce()
    {
        await PostOkAsync(activities.ChannelMention(Uma, Tier1, "ticket Printer on floor 2 jams"));
        await host.DispatchAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var before = host.Connector.ConnectorRequests.Count;

        var (status, _) = await host.InvokeAsync(activities.Execute(Alice, Tier1, thread, root, "accept", 1));
        status.ShouldBe(200);
        await host.DispatchAsync();

        var calls = host.Connector.ConnectorRequests.Skip(before).Select(ConnectorCall.From).ToList();
        var create = calls.Single(c => c.Method == "POST" && c.Path == "/v3/conversations" && c.Body!["members"] is not null);
        create.Body!["members"]![0]!["id"]!.GetValue<string>().ShouldBe(Uma.UserId);
        create.Body["tenantId"]?.GetValue<string>().ShouldBe(RunningTeamsHost.TenantId);
        var dm = calls.Single(c => c.Method == "POST" && c.Path == $"/v3/conversations/a:created-{Uma.UserId}/activities");
        dm.BodyText.ShouldContain("INC-000001");

        // The next handoff reuses the stored chat: no second conversation is created.
        var seen = host.Connector.ConnectorRequests.Count;
        await host.InvokeAsync(activities.Execute(Alice, Tier1, thread, root, "escalate", 1,
            new System.Text.Json.Nodes.JsonObject { ["tried"] = "Cleared the jam", ["outcome"] = "Jams again", ["needs"] = "A new roller" }));
        await host.DispatchAsync();
        var later = host.Connector.ConnectorRequests.Skip(seen).Select(ConnectorCall.From).ToList();
        later.ShouldContain(c => c.Path == $"/v3/conversations/a:created-{Uma.UserId}/activities");
        later.ShouldNotContain(c => c.Method == "POST" && c.Path == "/v3/conversations" && c.Body!["members"] != null);
    }

    private async Task<UserRef> ReporterOfAsync(long number)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().GetAsync(number)).ShouldNotBeNull().Reporter;
    }

    private async Task PostOkAsync(System.Text.Json.Nodes.JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
