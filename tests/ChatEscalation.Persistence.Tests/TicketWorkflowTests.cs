using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed partial class TicketWorkflowTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly HandoffNote ToTier2 = Scenarios.ToTier2;

    private Harness NewHarness() => new(database.NewContext, T0);

    [Fact]
    public Task ExecuteAsync_FullTicketLife_StoresStateAuditOutboxAndDeadlines() => Scenarios.FullTicketLifeAsync(database.NewContext);

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
    public async Task RaiseAndExecute_CommitWithMessages_WakeTheOutboxOnceEach_RefusalsAndNoChangesDoNot()
    {
        using var h = NewHarness();
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Printer jams on floor 2"))).Ticket!.Number;
        h.Wakeups.Count.ShouldBe(1);

        await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "  "));        // refused: no title
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Carol));           // refused: not Tier 1
        h.Wakeups.Count.ShouldBe(1);

        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        h.Wakeups.Count.ShouldBe(2);
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));           // the owner again: no change, nothing written
        h.Wakeups.Count.ShouldBe(2);
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
}
