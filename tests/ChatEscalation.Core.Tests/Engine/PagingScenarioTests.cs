using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy.Options;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Issue 5's after-hours paging scenarios, at engine level, on the demo policy (Friday 2026-01-09; London = UTC).</summary>
public class PagingScenarioTests
{
    private static DateTimeOffset Friday(int hour, int minute) => At.Utc(2026, 1, 9, hour, minute);

    /// <summary>
    /// A P1 raised Friday 17:50, while the desk is staffed (until 18:00): nobody is paged at raise. The acceptance window (15 min)
    /// reminds the Tier 1 queue at 18:05. At 18:20 the P1 trigger (30 min, 24x7) moves it to Tier 2: that is after hours, so
    /// Tier 2's primary on call (Carol, this week) is paged, then re-paged every 10 min.
    /// </summary>
    [Fact]
    public void P1RaisedFridayTenToSix_PagesTier2PrimaryAt1820AndRepagesEvery10Minutes()
    {
        var desk = new Desk(start: At.FridayTenToSix);
        var raised = desk.RaiseP(Priority.P1, "Whole office VPN is down");
        raised.Ticket.Page.ShouldBeNull();

        var reminder = desk.TickAt(Friday(18, 5));
        var justBefore = desk.TickAt(Friday(18, 20) - At.OneTick);
        var page = desk.TickAt(Friday(18, 20));
        var beforeRepage = desk.TickAt(Friday(18, 30) - At.OneTick);
        var repage2 = desk.TickAt(Friday(18, 30));
        var repage3 = desk.TickAt(Friday(18, 40));

        reminder.Kinds().ShouldBe([EventKind.QueueReminded]);
        justBefore.Changed.ShouldBeFalse();
        page.Kinds().ShouldBe([EventKind.AutoEscalated, EventKind.Paged]);
        page.Ticket.Tier.ShouldBe(2);
        var dm = page.DirectTo(People.Carol);
        dm.Urgent.ShouldBeTrue();
        dm.Actions.ShouldBe([TicketActions.AckPage]);
        page.OnCallAlerts().ShouldHaveSingleItem().Text.ShouldContain("Paging Carol (Tier 2) (primary)");
        beforeRepage.Changed.ShouldBeFalse();
        repage2.Single(EventKind.Paged).Text.ShouldContain("(page 2)");
        repage2.DirectTo(People.Carol).Text.ShouldStartWith("Page (page 2)");
        repage3.Single(EventKind.Paged).Text.ShouldContain("(page 3)");
    }

    /// <summary>
    /// (a, continued) Nobody acknowledges: while a person is paged the functional trigger waits (the tier clock is paused), so
    /// after 3 pages to Carol (18:20, 18:30, 18:40) the secondary of the same tier (Dave) is paged at 18:50, then the managers at
    /// 19:20. From there the tier clock runs again: a full 30 min later, at 19:50, the trigger moves the ticket on to Tier 3,
    /// whose primary (Erin, on Friday's daily turn) is paged, on time.
    /// </summary>
    [Fact]
    public void P1RaisedFridayTenToSix_UnacknowledgedAt1850_PagesTier2Secondary()
    {
        var desk = new Desk(start: At.FridayTenToSix);
        desk.RaiseP(Priority.P1, "Whole office VPN is down");
        foreach (var minute in new[] { 5, 20, 30, 35, 40 }) desk.TickAt(Friday(18, minute));

        var d = desk.TickAt(Friday(18, 50));

        d.Ticket.Tier.ShouldBe(2);
        d.Ticket.Page!.Person.ShouldBe("dave@demo.local");
        d.Ticket.Page.Level.ShouldBe(1);
        d.DirectTo(People.Dave).Urgent.ShouldBeTrue();
        d.DirectsTo(People.Carol).ShouldBeEmpty();

        desk.TickAt(Friday(19, 0));
        desk.TickAt(Friday(19, 10));
        var managers = desk.TickAt(Friday(19, 20));
        desk.TickAt(Friday(19, 30));
        desk.TickAt(Friday(19, 40));
        var justBefore = desk.TickAt(Friday(19, 50) - At.OneTick);
        var moved = desk.TickAt(Friday(19, 50));

        managers.Kinds().ShouldBe([EventKind.Paged]);
        managers.ManagerAlerts().ShouldNotBeEmpty();
        managers.Ticket.Tier.ShouldBe(2);
        justBefore.Changed.ShouldBeFalse();
        moved.Kinds().ShouldBe([EventKind.AutoEscalated, EventKind.Paged]);
        moved.Ticket.Tier.ShouldBe(3);
        moved.Ticket.Page!.Person.ShouldBe("erin@demo.local");
        moved.Single(EventKind.AutoEscalated).Late.ShouldBeNull();
    }

    /// <summary>
    /// Issue 13's false alarm: a P1 from a VIP raised Saturday 02:00 that nobody acknowledges. Paging pauses the functional trigger,
    /// so when the ladder reaches the managers the trigger is not overdue: every move up a tier happens on time, and neither the
    /// escalation, the thread updates nor the VIP's status message says "Late by …" although the bot ran the whole time.
    /// </summary>
    [Fact]
    public void P1FromVipAfterHours_NobodyAcknowledges_MovesUpTiersWithoutLateNotices()
    {
        var saturday = At.Utc(2026, 1, 10, 2, 0);
        var desk = new Desk(start: saturday);
        desk.Raise("CFO laptop will not boot before the board meeting", reporter: People.Victor, impact: Impact.High, urgency: Urgency.High);

        var decisions = RunDeadlines(desk, saturday + TimeSpan.FromHours(8));

        var moves = desk.History.Where(e => e.Kind == EventKind.AutoEscalated).ToList();
        moves.Select(e => e.Tier).ShouldBe([2, 3]);
        moves.Select(e => e.At - saturday).ShouldBe([TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(150)]);
        desk.History.ShouldAllBe(e => e.Late == null);
        decisions.SelectMany(x => x.Notifications).ShouldAllBe(n => !n.Text.Contains("Late by"));
        decisions.SelectMany(x => x.DirectsTo(People.Victor)).Count(n => n.Text.Contains("handed from")).ShouldBe(2);
        desk.Ticket.Tier.ShouldBe(3); // never the vendor tier by the clock
    }

    [Fact]
    public void P1RaisedFridayTenToSix_AcknowledgedAt1835_PagingStops()
    {
        var desk = new Desk(start: At.FridayTenToSix);
        desk.RaiseP(Priority.P1, "Whole office VPN is down");
        desk.TickAt(Friday(18, 5));
        desk.TickAt(Friday(18, 20));
        desk.TickAt(Friday(18, 30));
        desk.AdvanceTo(Friday(18, 35));

        var ack = desk.Do(new AcknowledgePage(People.Carol));
        var after = desk.TickAt(Friday(18, 40));

        ack.Ticket.Owner.ShouldBe(People.Carol);
        ack.Single(EventKind.PageAcknowledged).Text.ShouldContain("after 15 min");
        desk.HasDeadline(DeadlineKind.Repage).ShouldBeFalse();
        after.Changed.ShouldBeFalse();
    }

    /// <summary>
    /// The full ladder: a P2 payroll ticket raised Friday 18:30 opens at Tier 2 after hours (its business clock is stopped, so no
    /// trigger interferes). Carol is paged at 18:30, 18:40, 18:50; after 3 attempts the secondary (Dave) at 19:00, 19:10, 19:20;
    /// then the managers at 19:30 and every 10 min after.
    /// </summary>
    [Fact]
    public void PageLadder_ThreeAttemptsPerLevel_PrimaryThenSecondaryThenManagers()
    {
        var desk = new Desk(start: Friday(18, 30));
        desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);

        var paged = new List<(int Minute, string Who)> { (0, desk.Ticket.Page!.Person!) };
        for (var minute = 1; minute <= 75; minute++)
        {
            var d = desk.TickAt(Friday(18, 30) + TimeSpan.FromMinutes(minute));
            if (d.Kinds().Contains(EventKind.Paged)) paged.Add((minute, d.Ticket.Page!.Person ?? "managers"));
        }

        paged.ShouldBe([
            (0, "carol@demo.local"), (10, "carol@demo.local"), (20, "carol@demo.local"),
            (30, "dave@demo.local"), (40, "dave@demo.local"), (50, "dave@demo.local"),
            (60, "managers"), (70, "managers"),
        ]);
        desk.History.Where(e => e.Kind == EventKind.Paged).Last().Text.ShouldContain("Paged the managers (page 2)");
        desk.Ticket.ManagerEngaged.ShouldBeTrue();
    }

    /// <summary>Runs the ticket's deadlines one by one, as the sweep would, until <paramref name="until"/>; returns every decision.</summary>
    private static List<Decision> RunDeadlines(Desk desk, DateTimeOffset until)
    {
        var decisions = new List<Decision>();
        for (var step = 0; step < 2000; step++)
        {
            var next = DeadlinePlanner.Plan(desk.Ticket, desk.Policy).Select(d => d.DueAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (next > until) break;
            decisions.Add(desk.TickAt(next > desk.Now ? next : desk.Now));
        }

        return decisions;
    }

    /// <summary>
    /// The managers get the usual 3 pages 10 minutes apart (19:30, 19:40, 19:50), then one an hour (20:50, 21:50 …), not 6 an hour all weekend.
    /// </summary>
    [Fact]
    public void PageLadder_ManagersPagedThreeTimes_ThenHourly()
    {
        var desk = new Desk(start: Friday(18, 30));
        desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);

        RunDeadlines(desk, Friday(22, 0));

        var times = desk.History.Where(e => e.Kind == EventKind.Paged && e.Text.StartsWith("Paged the managers")).Select(e => e.At).ToList();
        times.ShouldBe([Friday(19, 30), Friday(19, 40), Friday(19, 50), Friday(20, 50), Friday(21, 50)]);
    }

    /// <summary>
    /// Nobody acknowledges all weekend: the managers are re-paged hourly until Monday 08:00, when the desk opens and the page ends at
    /// that minute; the ticket is back with its Tier 2 queue (card updated, thread told), on-call is told, and nothing pages again.
    /// </summary>
    [Fact]
    public void PageNeverAcknowledged_EndsWhenTheDeskOpensMonday()
    {
        var desk = new Desk(start: Friday(18, 30));
        desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);
        var monday = At.Utc(2026, 1, 12, 8, 0);

        var decisions = RunDeadlines(desk, monday + TimeSpan.FromHours(1));

        var ended = decisions.Single(d => d.Kinds().Contains(EventKind.PageEnded));
        ended.Ticket.Page.ShouldBeNull();
        ended.Ticket.Tier.ShouldBe(2);
        desk.History.Single(e => e.Kind == EventKind.PageEnded).At.ShouldBe(monday);
        ended.OnCallAlerts().ShouldHaveSingleItem().Urgent.ShouldBeFalse();
        ended.CardTiers().ShouldBe([2]);
        desk.History.Where(e => e.Kind == EventKind.Paged).Max(e => e.At).ShouldBeLessThan(monday);
        desk.History.Count(e => e.Kind == EventKind.Paged).ShouldBeLessThan(80); // 9 in the first 90 minutes, then hourly
        desk.HasDeadline(DeadlineKind.Repage).ShouldBeFalse();
    }

    [Fact]
    public void PageLadder_ManagersPaged_AlertOffersAcknowledgeAndTakeOver()
    {
        var desk = new Desk(start: Friday(18, 30));
        desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);
        for (var minute = 10; minute < 60; minute += 10) desk.TickAt(Friday(18, 30) + TimeSpan.FromMinutes(minute));

        var d = desk.TickAt(Friday(19, 30));

        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Urgent.ShouldBeTrue();
        alert.Actions.ShouldBe([TicketActions.AckPage, TicketActions.TakeOver]);
    }

    /// <summary>(c) An override leaves Tier 2's primary layer uncovered on Friday night: the gap is skipped at once to the secondary, and the managers are told.</summary>
    [Fact]
    public void GapInPrimaryLayer_SkipsToSecondaryAtOnceAndTellsManagers()
    {
        var policy = TestPolicy.With(o => o.OnCall.Rotations["desktop-apps"].Overrides.Add(
            new RotationOverrideOptions { Layer = "primary", From = "2026-01-09T18:00", To = "2026-01-10T09:00", Person = null }));
        var desk = new Desk(policy, Friday(18, 30));

        var d = desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);

        d.Kinds().ShouldBe([EventKind.Raised, EventKind.CoverageGap, EventKind.Paged]);
        d.Ticket.Page!.Person.ShouldBe("dave@demo.local");
        d.Ticket.Page.Level.ShouldBe(1);
        d.DirectTo(People.Dave).Urgent.ShouldBeTrue();
        d.ManagerAlerts().ShouldContain(n => n.Text.Contains("Gap in the desktop-apps rotation (primary)"));
        d.DirectsTo(People.Carol).ShouldBeEmpty();
    }

    [Fact]
    public void GapInEveryLayer_WithoutHold_PagesTheManagersAtOnce()
    {
        var policy = TestPolicy.With(o => o.OnCall.Rotations["desktop-apps"].Overrides.Add(
            new RotationOverrideOptions { From = "2026-01-09T18:00", To = "2026-01-10T09:00" }));
        var desk = new Desk(policy, Friday(18, 30));

        var d = desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);

        d.Events.Count(e => e.Kind == EventKind.CoverageGap).ShouldBe(2);
        d.Ticket.Page!.Person.ShouldBeNull();
        d.Single(EventKind.Paged).Text.ShouldContain("Paged the managers");
    }

    /// <summary>(c) HoldWhenUncovered: nobody covers Tier 2 until Saturday 09:00, so the ticket is held until then, the managers are told, and the next person on duty is paged when the shift starts.</summary>
    [Fact]
    public void GapInEveryLayer_HoldWhenUncovered_HeldUntilNextShiftThenPaged()
    {
        var policy = TestPolicy.With(o =>
        {
            o.OnCall.HoldWhenUncovered = true;
            o.OnCall.Rotations["desktop-apps"].Overrides.Add(new RotationOverrideOptions { From = "2026-01-09T18:00", To = "2026-01-10T09:00" });
        });
        var desk = new Desk(policy, Friday(18, 30));
        var shiftStarts = At.Utc(2026, 1, 10, 9);

        var raised = desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);
        var overnight = desk.TickAt(shiftStarts - At.OneTick);
        var resumed = desk.TickAt(shiftStarts);

        raised.Kinds().ShouldBe([EventKind.Raised, EventKind.Held]);
        raised.Ticket.HeldUntil.ShouldBe(shiftStarts);
        raised.Ticket.Page.ShouldBeNull();
        raised.ManagerAlerts().ShouldContain(n => n.Text.Contains("held for the next shift") && n.Urgent);
        overnight.Changed.ShouldBeFalse();
        resumed.Kinds().ShouldBe([EventKind.Paged]);
        resumed.Ticket.HeldUntil.ShouldBeNull();
        resumed.Ticket.Page!.Person.ShouldBe("carol@demo.local");
    }
}
