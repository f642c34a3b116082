using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed partial class TicketWorkflowTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly HandoffNote ToTier2 = new("Reinstalled the VPN client and reset the profile", "Still drops every 10 minutes", "Check the VPN concentrator logs");
    private static readonly HandoffNote ToTier3 = new("Client logs show IKE rekey failures", "Rekey fails on the concentrator side", "Inspect the concentrator certificate");

    private Harness NewHarness() => new(database.NewContext, T0);

    [Fact]
    public async Task ExecuteAsync_FullTicketLife_StoresStateAuditOutboxAndDeadlines()
    {
        using var h = NewHarness();
        var raised = await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "VPN drops every 10 minutes"));
        raised.Succeeded.ShouldBeTrue(raised.Message);
        var number = raised.Ticket!.Number;
        raised.Message.ShouldStartWith($"{TicketKey.Format(number)} raised");
        (await OutboxRows(number)).Select(o => (o.Platform, o.Kind, o.Audience)).ShouldBe(
            [("slack", NotificationKind.Card, "tier-1"), ("teams", NotificationKind.Card, "tier-1"), ("local", NotificationKind.Card, "tier-1")]);
        await AssertDeadlinesMatch(number, raised.Decision!.Deadlines);

        var steps = new (UserRef Actor, TicketCommand Command)[]
        {
            (Alice, new AcceptTicket(Alice)),
            (Alice, new EscalateTicket(Alice, ToTier2)),
            (Carol, new AcceptTicket(Carol)),
            (Carol, new EscalateTicket(Carol, ToTier3)),
            (Erin, new AcceptTicket(Erin)),
            (Erin, new ResolveTicket(Erin, "Renewed the expired VPN concentrator certificate")),
            (Uma, new ReopenTicket(Uma, "It dropped again this morning")),
        };
        foreach (var (_, command) in steps)
        {
            h.Time.Advance(TimeSpan.FromMinutes(20));
            var result = await h.Workflow().ExecuteAsync(number, command);
            result.Succeeded.ShouldBeTrue($"{command.GetType().Name}: {result.Message}");
            await AssertDeadlinesMatch(number, result.Decision!.Deadlines);
        }

        var ticket = (await h.Workflow().GetAsync(number))!;
        ticket.Status.ShouldBe(TicketStatus.Queued);
        ticket.Tier.ShouldBe(3);
        ticket.Owner.ShouldBeNull();
        ticket.EscalationCount.ShouldBe(2);
        ticket.ReopenCount.ShouldBe(1);
        ticket.LastHandoff.ShouldBe(ToTier3);
        ticket.Version.ShouldBe(8);

        var events = await h.Workflow().EventsAsync(number);
        events.Select(e => e.Kind).ShouldBe([
            EventKind.Raised, EventKind.Accepted, EventKind.Escalated, EventKind.Accepted, EventKind.Escalated,
            EventKind.Accepted, EventKind.Resolved, EventKind.KnowledgeDrafted, EventKind.Reopened]);
        events.Select(e => e.Actor.Key).ShouldBe([Uma.Key, Alice.Key, Alice.Key, Carol.Key, Carol.Key, Erin.Key, Erin.Key, Erin.Key, Uma.Key]);
        events[2].Handoff.ShouldBe(ToTier2);
        events[2].FromTier.ShouldBe(1);
        events[4].Handoff.ShouldBe(ToTier3);
        events[4].FromTier.ShouldBe(2);
        events[1].At.ShouldBe(T0 + TimeSpan.FromMinutes(20));

        await using var db = database.NewContext();
        var row = await db.Tickets.SingleAsync(t => t.Number == number);
        (row.Status, row.Tier, row.OwnerKey, row.ReporterKey, row.Version).ShouldBe((TicketStatus.Queued, 3, (string?)null, Uma.Key, 8));
        row.FirstAcceptedAt.ShouldBe(T0 + TimeSpan.FromMinutes(20));
        var article = await db.KnowledgeArticles.SingleAsync(k => k.TicketNumber == number);
        (article.FromTier, article.AuthorKey, article.Body).ShouldBe((3, Erin.Key, "Renewed the expired VPN concentrator certificate"));
    }

    [Fact]
    public async Task ExecuteAsync_DecisionWithNotifications_FansOutPerPlatformInOrder()
    {
        using var h = NewHarness();
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "teams", "VPN drops every 10 minutes"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        await h.Workflow().ExecuteAsync(number, new EscalateTicket(Alice, ToTier2));
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Carol));
        var resolved = await h.Workflow().ExecuteAsync(number, new ResolveTicket(Carol, "Renewed the expired VPN concentrator certificate"));

        var rows = (await OutboxRows(number)).Where(o => o.TicketVersion == resolved.Ticket!.Version).ToList();
        rows.Where(o => o.Audience == $"dm:{Uma.Key}").Select(o => o.Platform).ShouldBe(["teams"]);
        rows.Where(o => o.Audience == "dm:lena@demo.local").Select(o => o.Platform).ShouldBe(["slack", "teams", "local"]);
        rows.Where(o => o.Audience == "tier-2" && o.Kind == NotificationKind.Card).Select(o => o.Platform).ShouldBe(["slack", "local"]);
        rows.Select(o => o.Id).ShouldBeInOrder();
        rows.ShouldAllBe(o => o.State == OutboxState.Pending && o.IdempotencyKey.StartsWith($"{number}/{resolved.Ticket!.Version}/"));
        rows.Select(o => o.IdempotencyKey).Distinct().Count().ShouldBe(rows.Count);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownTicket_ReturnsNotFound()
    {
        using var h = NewHarness();
        var result = await h.Workflow().ExecuteAsync(99, new AcceptTicket(Alice));
        result.NotFound.ShouldNotBeNull();
        result.Message.ShouldBe("INC-000099 does not exist.");
        result.Decision.ShouldBeNull();
    }

    [Fact]
    public async Task ExecuteAsync_Refusal_SavesNothing()
    {
        using var h = NewHarness();
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Wifi is down on floor 3"))).Ticket!.Number;
        var before = await OutboxRows(number);
        var result = await h.Workflow().ExecuteAsync(number, new AcceptTicket(Carol));
        result.Refusal.ShouldNotBeNull();
        result.Message.ShouldStartWith("Only Tier 1 members can accept");
        (await h.Workflow().GetAsync(number))!.Version.ShouldBe(1);
        (await OutboxRows(number)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedAcceptByOwner_SavesNothing()
    {
        using var h = NewHarness();
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Wifi is down on floor 3"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        var again = await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        again.Message.ShouldBe($"You already own {TicketKey.Format(number)}.");
        (await h.Workflow().GetAsync(number))!.Version.ShouldBe(2);
        (await h.Workflow().EventsAsync(number)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ListOpenForAsync_OwnerOrReporter_ListsOnlyOpenTickets()
    {
        using var h = NewHarness();
        var reporter = new UserRef("zed@demo.local", "Zed");
        var open = (await h.Workflow().RaiseAsync(new RaiseTicket(reporter, "local", "Wifi is down on floor 3"))).Ticket!.Number;
        var done = (await h.Workflow().RaiseAsync(new RaiseTicket(reporter, "local", "VPN drops at lunch"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(done, new CancelTicket(reporter, "works again"));

        (await h.Workflow().ListOpenForAsync(reporter)).Select(t => t.Number).ShouldBe([open]);
    }

    private async Task<List<OutboxMessage>> OutboxRows(long number)
    {
        await using var db = database.NewContext();
        return await db.OutboxMessages.Where(o => o.TicketNumber == number).OrderBy(o => o.Id).ToListAsync();
    }

    private async Task AssertDeadlinesMatch(long number, IReadOnlyList<Deadline> expected)
    {
        await using var db = database.NewContext();
        var stored = await db.Deadlines.Where(d => d.TicketNumber == number).ToListAsync();
        stored.Select(d => (d.Kind, d.DueAt.UtcTicks, d.Tier)).OrderBy(x => x.Kind)
            .ShouldBe(expected.Select(d => (d.Kind, d.DueAt.UtcTicks, d.Tier)).OrderBy(x => x.Kind));
    }
}
