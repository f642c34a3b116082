using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Teams;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Faults;

/// <summary>
/// The Connector's faults scripted on its double, against the real host: every kind of write throttled on its first attempt (with and
/// without Retry-After), and a post the Connector carries out but answers too late. Nothing arrives twice, nothing is lost silently.
/// </summary>
public sealed class TeamsDeliveryFaultTests : IAsyncLifetime
{
    private static readonly TeamsTestUser Uma = TeamsTestUser.Uma, Alice = TeamsTestUser.Alice, Maria = TeamsTestUser.Maria;
    private static readonly string Tier1 = RunningTeamsHost.TierChannel(1);
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;

    public Task InitializeAsync() => StartAsync(concurrency: null);

    private async Task StartAsync(int? concurrency)
    {
        // The outbox's send budget runs on real time (the host's clock is fake): a post not answered within a second is unknown.
        // The card is written with the raise (no knowledge step), so the scripted answers meet the card first, as each test says.
        var settings = new Dictionary<string, string?> { ["Outbox:SendTimeout"] = "00:00:01", ["Knowledge:AtIntake"] = "false" };
        if (concurrency is { } sends) settings["Outbox:Concurrency"] = sends.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host = await RunningTeamsHost.StartAsync(settings);
        activities = new TeamsActivities(host);
        await PostOkAsync(activities.ChannelInstall(Tier1, Maria));
        await PostOkAsync(activities.ChannelInstall(RunningTeamsHost.ManagerChannel, Maria));
        foreach (var user in TeamsTestUser.All) await PostOkAsync(activities.PersonalInstall(user));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("2", 2.0, 2.0)]
    [InlineData(null, 2.0, 2.4)]
    public async Task ThrottledFirstAttemptOfEveryKindOfWrite_EachMessageDeliveredOnceAfterTheWait(string? retryAfter, double minWait, double maxWait)
    {
        host.Connector.FailFirstAttempts(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", retryAfter));

        await PostOkAsync(activities.PersonalMessage(Uma, "ticket VPN drops every 10 minutes"));
        await host.DispatchAsync();
        var throttled = await RowsAsync(o => o.State == OutboxState.Pending && o.Attempts == 1);
        throttled.ShouldNotBeEmpty();
        foreach (var row in throttled) (row.NextAttemptAt - host.Time.GetUtcNow()).TotalSeconds.ShouldBeInRange(minWait, maxWait);
        await DeliverEverythingAsync();

        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        (await host.InvokeAsync(activities.Execute(Alice, Tier1, thread, root, "accept", 1))).Status.ShouldBe(200);
        await PostOkAsync(activities.PersonalMessage(Uma, "manager INC-1 the whole team is blocked"));
        await DeliverEverythingAsync();

        var rows = await RowsAsync(_ => true);
        rows.ShouldAllBe(o => o.State == OutboxState.Sent || o.State == OutboxState.Skipped, string.Join("\n", rows.Select(o => $"{o.Id} {o.Kind} {o.State} {o.LastError}")));
        var sent = rows.Where(o => o.State == OutboxState.Sent).ToList();
        sent.Select(o => o.Kind).Distinct().Order().ShouldBe([NotificationKind.Card, NotificationKind.ThreadUpdate, NotificationKind.Direct, NotificationKind.Alert, NotificationKind.Reply]);
        sent.Where(o => o.Attempts < 2).ShouldAllBe(o => o.Kind == NotificationKind.Card); // an identical card update is its own retry

        // Every post the Connector accepted, it accepted once: each was seen at most twice (refused, then taken). Updates (PUT) may
        // repeat an identical card, which is harmless: they replace the same activity.
        var writes = host.Connector.ConnectorRequests.Where(r => r.Method == "POST").GroupBy(r => $"{r.Method} {r.RawTarget} {r.Body}").ToList();
        writes.Where(g => g.Count() > 2).Select(g => g.Key[..Math.Min(120, g.Key.Length)]).ShouldBeEmpty();
        host.Simulator.CreatedIn(Tier1).ShouldBe(1); // one card in the channel
        host.Simulator.CreatedIn(RunningTeamsHost.ManagerChannel).ShouldBe(1); // one alert
    }

    [Fact]
    public async Task ThrottledPost_NothingElseStartsBeforeRetryAfter_ThenEverythingGoesOutOnce()
    {
        // One send at a time, so "what started after the 429" is exact (with several, those already in flight are out anyway).
        await host.DisposeAsync();
        await StartAsync(concurrency: 1);
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket VPN drops every 10 minutes"));
        await PostOkAsync(activities.PersonalMessage(Alice, "ticket Second screen flickers"));
        host.Connector.FailFirstAttempts(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", "3"));
        var before = host.Connector.ConnectorRequests.Count;

        await host.DispatchAsync();

        host.Connector.ConnectorRequests.Skip(before).Count().ShouldBe(1); // the throttled one
        (await RowsAsync(o => o.Attempts > 0)).Count.ShouldBe(1);
        host.Time.Advance(TimeSpan.FromSeconds(2.5));
        await host.DispatchAsync();
        host.Connector.ConnectorRequests.Skip(before).Count().ShouldBe(1); // not a moment before Retry-After

        await DeliverEverythingAsync();
        var rows = await RowsAsync(_ => true);
        rows.ShouldAllBe(o => o.State == OutboxState.Sent || o.State == OutboxState.Skipped, string.Join("\n", rows.Select(o => $"{o.Id} {o.Kind} {o.State} {o.LastError}")));
        host.Simulator.CreatedIn(Tier1).ShouldBe(2); // both cards, once each
    }

    [Fact]
    public async Task PostTakenButAnsweredTooLate_Unconfirmed_NotPostedAgain_ThenSentAgainByAPerson()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Badge reader at door 2 dead"));
        host.Connector.Enqueue(new ScriptedResponse(200, """{"id":"19:tier1@thread.tacv2;messageid=77","activityId":"77"}""", Delay: TimeSpan.FromSeconds(5)));

        await DeliverEverythingAsync();

        var card = (await RowsAsync(o => o.Kind == NotificationKind.Card)).Single();
        card.State.ShouldBe(OutboxState.Unconfirmed);
        card.LastError!.ShouldContain("not sent again on its own");
        host.Connector.ConnectorRequests.Count(r => r.Method == "POST" && r.RawTarget == "/v3/conversations" && r.Body.Contains(Tier1)).ShouldBe(1);
        (await RowsAsync(o => o.Kind == NotificationKind.Reply)).Single().State.ShouldBe(OutboxState.Sent); // the other lane went on

        // Operators see it: the health summary counts it, the manager's dashboard lists it as possibly delivered.
        var health = JsonNode.Parse(await host.Client.GetStringAsync("/healthz"))!;
        health["unconfirmedOutboxMessages"]!.GetValue<int>().ShouldBe(1);
        health["parkedOutboxMessages"]!.GetValue<int>().ShouldBe(0);
        using (var report = host.Services.CreateScope())
        {
            var figures = await report.ServiceProvider.GetRequiredService<ChatEscalation.Bot.Dashboard.EscalationReport>().ComputeAsync(ChatEscalation.Bot.Dashboard.DashboardViewer.Everyone, null);
            var waiting = figures.Parked.Single();
            waiting.Id.ShouldBe(card.Id);
            waiting.Unconfirmed.ShouldBeTrue();
        }

        // Nobody saw the card, a person says so: sent again, once.
        using var scope = host.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<Persistence.Outbox.OutboxStore>().RequeueParkedAsync(card.Id, host.Time.GetUtcNow())).ShouldBeTrue();
        await DeliverEverythingAsync();
        (await RowsAsync(o => o.Id == card.Id)).Single().State.ShouldBe(OutboxState.Sent);
        host.Connector.ConnectorRequests.Count(r => r.Method == "POST" && r.RawTarget == "/v3/conversations" && r.Body.Contains(Tier1)).ShouldBe(2);
    }

    private async Task DeliverEverythingAsync()
    {
        for (var pass = 0; pass < 60 && (await RowsAsync(o => o.State == OutboxState.Pending || o.State == OutboxState.Sending)).Count > 0; pass++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(3));
            await host.DispatchAsync();
        }
    }

    private async Task<List<OutboxMessage>> RowsAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> where)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(o => o.Platform == "teams").Where(where).OrderBy(o => o.Id).ToListAsync();
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
