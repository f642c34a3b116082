using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Nobody missed on Teams, against the running host and the Connector simulator: the team roster (<c>pagedmembers</c>, page by page) makes
/// people the bot never met reachable, so an on-call engineer known only from the roster is paged in a 1:1 chat the bot creates
/// (<c>POST /v3/conversations</c>) and @mentioned in the on-call channel; a page that reaches nobody is reported to the managers.
/// </summary>
public sealed class TeamsRosterTests : IAsyncLifetime
{
    private static readonly TeamsTestUser Uma = TeamsTestUser.Uma, Dave = TeamsTestUser.Dave, Maria = TeamsTestUser.Maria;
    private static readonly DateTimeOffset AfterHours = RunningTeamsHost.T0.AddHours(12); // Tuesday 22:00 in London: the desk is closed
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;
    private int seen;

    public async Task InitializeAsync()
    {
        host = await RunningTeamsHost.StartAsync(new Dictionary<string, string?> { ["Teams:RosterPageSize"] = "50" });
        activities = new TeamsActivities(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task OnCallPage_PersonKnownOnlyFromTheRoster_PagedInANewOneToOneChatAndMentioned()
    {
        // 120 colleagues the policy does not name come first in the roster, so Dave is on its third page of 50.
        host.Simulator.Roster = [.. Enumerable.Range(1, 120).Select(i => TeamsTestUser.For($"colleague{i}@demo.local", $"Colleague {i}")), .. TeamsTestUser.All, .. TeamsTestUser.RosterOnly];
        await InstallInChannelsAsync();
        NewCalls().ShouldBeEmpty(); // installs alone call nothing (the roster is read by the scheduled pass here)

        (await host.ReadRostersAsync()).ShouldBe(1);
        var pages = NewCalls();
        pages.Select(c => c.ToString()).ShouldBe(Enumerable.Repeat($"GET /v3/conversations/{RunningTeamsHost.TeamId}/pagedmembers", 3));
        var targets = host.Connector.ConnectorRequests.Where(r => r.RawTarget.Contains("pagedmembers", StringComparison.Ordinal)).Select(r => r.RawTarget).ToList();
        targets[0].ShouldEndWith("?pageSize=50");
        targets[1].ShouldEndWith("&continuationToken=page-after-50");
        targets[2].ShouldEndWith("&continuationToken=page-after-100");
        (await host.ReadRostersAsync()).ShouldBe(0); // read in full just now: not again until Teams:RosterRefreshEvery

        // After hours Uma reports a payroll failure: Tier 2's on-call engineer, Dave, is paged. He never wrote to the bot.
        host.Time.SetUtcNow(AfterHours);
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Payroll export fails for the whole team"));
        await host.DispatchAsync();
        var calls = NewCalls();

        var create = One(calls, c => c.ToString() == "POST /v3/conversations" && c.Body!["channelData"]?["channel"] is null);
        create.Body!["members"]![0]!["id"]!.GetValue<string>().ShouldBe(Dave.UserId);
        create.Body["isGroup"]!.GetValue<bool>().ShouldBeFalse();
        create.Body["tenantId"]!.GetValue<string>().ShouldBe(RunningTeamsHost.TenantId);
        var page = One(calls, c => c.ToString() == $"POST /v3/conversations/a:created-{Dave.UserId}/activities");
        calls.IndexOf(page).ShouldBeGreaterThan(calls.IndexOf(create));
        page.Body!["text"]!.GetValue<string>().ShouldStartWith("Page: INC-000001");
        CardInspection.Verbs(page.Card).ShouldBe(["ackPage"]);
        var pageId = host.Simulator.LastActivityIn($"a:created-{Dave.UserId}");

        // The on-call channel's alert @mentions him with his Teams id from the roster (text <at>…</at> plus a mention entity).
        var alert = One(calls, c => c.ToString() == "POST /v3/conversations" && c.Body!["channelData"]?["channel"]?["id"]?.GetValue<string>() == RunningTeamsHost.OnCallChannel);
        var mention = alert.Card!["msteams"]!["entities"]!.AsArray().ShouldHaveSingleItem()!;
        mention["type"]!.GetValue<string>().ShouldBe("mention");
        mention["mentioned"]!["id"]!.GetValue<string>().ShouldBe(Dave.UserId);
        CardInspection.Text(alert.Card).ShouldContain(mention["text"]!.GetValue<string>());
        (await UnreachedAlertsAsync()).ShouldBeEmpty();

        // Per-viewer cards for the tier's people known only from the roster too: Dave (member) and Mike (lead) get the refresh.
        var tier2Card = One(calls, c => c.ToString() == "POST /v3/conversations" && c.Body!["channelData"]?["channel"]?["id"]?.GetValue<string>() == RunningTeamsHost.TierChannel(2));
        var viewers = tier2Card.Card!["refresh"]!["userIds"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        viewers.ShouldContain(Dave.UserId);
        viewers.ShouldContain(TeamsTestUser.Mike.UserId);
        viewers.ShouldNotContain(TeamsTestUser.Zoe.UserId);

        // Dave acknowledges from the new chat: the page's copies (his chat, the on-call alert) lose the button, in place.
        var ack = activities.Execute(Dave, "", $"a:created-{Dave.UserId}", pageId, "ackPage", TicketNumber(page));
        MakePersonal(ack, $"a:created-{Dave.UserId}");
        var (status, body) = await host.InvokeAsync(ack);
        status.ShouldBe(200);
        body!["statusCode"]!.GetValue<int>().ShouldBe(200, body.ToJsonString());
        await host.DispatchAsync();
        var edits = NewCalls().Where(c => c.Method == "PUT").ToList();
        var pageEdit = One(edits, c => c.Path.StartsWith($"/v3/conversations/a:created-{Dave.UserId}/activities/", StringComparison.Ordinal));
        CardInspection.Verbs(pageEdit.Card).ShouldBeEmpty();
        CardInspection.Text(pageEdit.Card).ShouldContain("Acknowledge to take it"); // its words stay
        var alertEdit = One(edits, c => c.Path.StartsWith($"/v3/conversations/{RunningTeamsHost.OnCallChannel}", StringComparison.Ordinal));
        CardInspection.Verbs(alertEdit.Card).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedToTheTeam_RosterReadInTheBackground_OnlyThePolicysPeopleKept()
    {
        await using var installing = await RunningTeamsHost.StartAsync(new Dictionary<string, string?> { ["Teams:RosterOnInstall"] = "true" });
        installing.Simulator.WithoutEmail.Add(TeamsTestUser.Lena.Email); // a guest-less member whose UPN is their e-mail

        using (var response = await installing.PostAsync(new TeamsActivities(installing).ChannelInstall(RunningTeamsHost.TierChannel(1), Maria)))
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await installing.Services.GetRequiredService<TeamsRosterQueue>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        installing.Connector.ConnectorRequests.Select(ConnectorCall.From).Select(c => c.ToString())
            .ShouldBe([$"GET /v3/conversations/{RunningTeamsHost.TeamId}/pagedmembers"]);
        await using var scope = installing.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ITeamsDirectory>();
        var found = await directory.FindUsersByEmailAsync(["dave@demo.local", "lena@demo.local", "mike@demo.local", "zoe@demo.local"], default);
        found.Keys.Order().ShouldBe(["dave@demo.local", "lena@demo.local", "mike@demo.local"]); // Zoe is not in the policy: not kept
        found["dave@demo.local"].UserId.ShouldBe(Dave.UserId);
        found["lena@demo.local"].UserId.ShouldBe(TeamsTestUser.Lena.UserId);
        (await directory.TeamsAsync(default)).ShouldHaveSingleItem().RosterReadAt.ShouldBe(RunningTeamsHost.T0);
    }

    [Fact]
    public async Task OnCallPage_PersonUnknownOnEveryPlatform_ManagersAlertedThatItReachedNobody()
    {
        await InstallInChannelsAsync(); // no roster read: nobody knows Dave on Teams
        host.Time.SetUtcNow(AfterHours);
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Payroll export fails for the whole team"));
        await host.DispatchAsync();

        var calls = NewCalls();
        calls.ShouldNotContain(c => c.Path.Contains("a:created-", StringComparison.Ordinal));
        var toManagers = calls.Where(c => c.ToString() == "POST /v3/conversations"
            && c.Body!["channelData"]?["channel"]?["id"]?.GetValue<string>() == RunningTeamsHost.ManagerChannel).ToList();
        var unreached = One(toManagers, c => CardInspection.Text(c.Card).Contains("reached nobody", StringComparison.Ordinal));
        CardInspection.Text(unreached.Card).ShouldContain("Dave (Tier 2)");
        CardInspection.Verbs(unreached.Card).ShouldBe(["ackPage", "takeOver"]);
        unreached.Card!["msteams"]!["entities"]!.AsArray().Select(e => e!["mentioned"]!["id"]!.GetValue<string>()).ShouldBe([Maria.UserId]);
        (await UnreachedAlertsAsync()).Count.ShouldBe(1); // one alert for the page, however many platforms skipped it

        await host.DispatchAsync();
        NewCalls().ShouldBeEmpty(); // nothing more: written once
    }

    /// <summary>The bot added to the tier, manager and on-call channels of the team (Maria, a member the bot met, installs it).</summary>
    private async Task InstallInChannelsAsync()
    {
        await PostOkAsync(activities.PersonalInstall(Maria));
        foreach (var channel in new[] { RunningTeamsHost.TierChannel(1), RunningTeamsHost.TierChannel(2), RunningTeamsHost.TierChannel(3), RunningTeamsHost.TierChannel(4),
                     RunningTeamsHost.ManagerChannel, RunningTeamsHost.OnCallChannel })
            await PostOkAsync(activities.ChannelInstall(channel, Maria));
        NewCalls();
    }

    private async Task<List<OutboxMessage>> UnreachedAlertsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.EscalationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(o => o.IdempotencyKey.Contains("/unreached/") && o.Platform == "teams").ToListAsync();
    }

    private static ConnectorCall One(IEnumerable<ConnectorCall> calls, Func<ConnectorCall, bool> which) =>
        calls.Where(which).ToList().ShouldHaveSingleItem();

    private static long TicketNumber(ConnectorCall call) =>
        long.Parse(Regex.Match(call.Body!["text"]!.GetValue<string>(), @"INC-0*(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static void MakePersonal(JsonObject activity, string conversationId)
    {
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = RunningTeamsHost.TenantId, ["id"] = conversationId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = RunningTeamsHost.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } };
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private List<ConnectorCall> NewCalls()
    {
        var all = host.Connector.ConnectorRequests;
        var fresh = all.Skip(seen).Select(ConnectorCall.From).ToList();
        seen = all.Count;
        return fresh;
    }
}
