using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

public class HomeViewsTests
{
    [Fact]
    public void Build_TechnicianWithAQueuedTicket_TheirTiersQueueOffersAccept()
    {
        var desk = new Desk();
        desk.Raise("Printer on floor 3 jams");
        var data = new HomeData([], [desk.Ticket], new Dictionary<int, int>(), []);

        var alice = HomeViews.Build(People.Alice, desk.Policy, desk.Now, null, data);
        var carol = HomeViews.Build(People.Carol, desk.Policy, desk.Now, null, data);

        var queue = alice.Queues.ShouldHaveSingleItem();
        queue.Tier.ShouldBe(1);
        var line = queue.Tickets.ShouldHaveSingleItem();
        line.CanAccept.ShouldBeTrue();
        line.Key.ShouldBe("INC-000042");
        line.OwnerName.ShouldBeNull();
        line.DueText.ShouldContain("left");
        alice.IsManager.ShouldBeFalse();
        carol.Queues.ShouldHaveSingleItem().Tickets.ShouldBeEmpty(); // Tier 2's queue does not hold a Tier 1 ticket
    }

    [Fact]
    public void Build_EndUser_TheirOpenTicketsOnlyNoQueueNoRiskList()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var uma = HomeViews.Build(People.Uma, desk.Policy, desk.Now, null, new HomeData([desk.Ticket], [], new Dictionary<int, int>(), []));

        var mine = uma.Mine.ShouldHaveSingleItem();
        mine.OwnerName.ShouldBe("Alice (Tier 1)");
        mine.StatusText.ShouldBe("In progress with Alice (Tier 1)");
        mine.CanAccept.ShouldBeFalse();
        uma.Queues.ShouldBeEmpty();
        uma.AtRisk.ShouldBeNull();
        uma.Roles.ShouldBe("");
    }

    [Fact]
    public void Build_ManagerWithABreachedAndAFreshTicket_OnlyTheBreachedIsListed()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1, "Whole office offline");
        var breached = desk.Ticket;
        desk.Advance(TimeSpan.FromDays(3));
        var fresh = breached with { Number = 43, RaisedAt = desk.Now, Sla = BusinessClock.StartAt(desk.Now), TierClock = BusinessClock.StartAt(desk.Now), QueuedSince = desk.Now, TierEnteredAt = desk.Now };

        var maria = HomeViews.Build(People.Maria, desk.Policy, desk.Now, null, new HomeData([], [], new Dictionary<int, int>(), [breached, fresh]));

        var risky = maria.AtRisk.ShouldNotBeNull().ShouldHaveSingleItem();
        risky.Number.ShouldBe(42);
        risky.SlaState.ShouldBe(SlaState.Breached);
        maria.IsManager.ShouldBeTrue();
    }

    [Fact]
    public void Build_MoreQueuedThanTheLimit_ShowsTheLimitAndCountsTheRest()
    {
        var desk = new Desk();
        desk.Raise();
        var queued = Enumerable.Range(1, 20).Select(n => desk.Ticket with { Number = n }).ToList();

        var bob = HomeViews.Build(People.Bob, desk.Policy, desk.Now, null, new HomeData([], queued, new Dictionary<int, int> { [1] = 40 }, []));

        var queue = bob.Queues.ShouldHaveSingleItem();
        queue.Tickets.Count.ShouldBe(HomeViews.ListLimit);
        queue.Tickets[0].Number.ShouldBe(1); // same priority: oldest first
        queue.More.ShouldBe(40 - HomeViews.ListLimit);
    }

    [Fact]
    public void Build_QueueWithAnOlderP3AndANewerP1_ListsTheP1First()
    {
        var desk = new Desk();
        desk.Raise();
        var olderP3 = desk.Ticket with { Number = 1, Priority = Priority.P3 };
        var newerP1 = desk.Ticket with { Number = 2, Priority = Priority.P1 };
        var newerP3 = desk.Ticket with { Number = 3, Priority = Priority.P3 };

        var bob = HomeViews.Build(People.Bob, desk.Policy, desk.Now, null, new HomeData([], [newerP3, olderP3, newerP1], new Dictionary<int, int>(), []));

        bob.Queues.ShouldHaveSingleItem().Tickets.Select(t => t.Number).ShouldBe([2L, 1L, 3L]);
    }

    [Fact]
    public void Shifts_TechnicianInAWeeklyRotation_TheirTurnsUntilTheEndOfNextWeekInTheReadersZone()
    {
        var policy = TestPolicy.Default();
        var now = At.MondayNine; // Monday 5 January 2026, 09:00 UTC
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var alice = HomeViews.Shifts(People.Alice, policy, now, newYork);
        var bob = HomeViews.Shifts(People.Bob, policy, now, newYork);

        alice.Concat(bob).ShouldNotBeEmpty();
        alice.Concat(bob).ShouldAllBe(s => s.Rotation == "service-desk" && s.To > now && s.From < HomeViews.EndOfNextWeek(now, newYork));
        alice.Count.ShouldBeLessThanOrEqualTo(2);
        (alice.Count + bob.Count).ShouldBeGreaterThanOrEqualTo(2); // two weekly turns (and the one running now)
        alice.Concat(bob).Where(s => s.From > now).ShouldAllBe(s => s.FromText.Contains("New York time") || s.FromText.Length == 5);
        HomeViews.Shifts(People.Uma, policy, now, newYork).ShouldBeEmpty();
    }

    [Fact]
    public void EndOfNextWeek_Wednesday_MondayAfterNextAtMidnightInTheZone()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        HomeViews.EndOfNextWeek(At.Utc(2026, 7, 8, 12), london).ShouldBe(At.Utc(2026, 7, 19, 23)); // Mon 20 Jul 00:00 BST
    }
}
