using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>The sweep's functional triggers and acceptance timeout. Tickets are raised Monday 2026-01-05 09:00 London (= UTC).</summary>
public partial class TickTests
{
    [Theory]
    // P1: 30 min on 24x7.
    [InlineData(Priority.P1, 5, 9, 30, "30 min")]
    // P2: 4 business hours: Mon 09:00 + 4 h.
    [InlineData(Priority.P2, 5, 13, 0, "4 h")]
    // P3: 2 business days = 20 h: Mon 09-18 (9 h), Tue 08-18 (10 h), Wed 08-09 (1 h).
    [InlineData(Priority.P3, 7, 9, 0, "2 d")]
    // P4: 5 business days = 50 h: Mon 9 h, Tue-Fri 40 h, next Mon 08-09 1 h.
    [InlineData(Priority.P4, 12, 9, 0, "7 d")]
    public void Tick_FunctionalTrigger_FiresAtExactlyTheInstant(Priority priority, int day, int hour, int minute, string sat)
    {
        var desk = new Desk();
        desk.RaiseP(priority);
        desk.Accept(People.Alice);
        var due = At.Utc(2026, 1, day, hour, minute);
        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(due);

        var before = desk.TickAt(due - At.OneTick);
        var at = desk.TickAt(due);

        before.Changed.ShouldBeFalse();
        at.Ticket.Tier.ShouldBe(2);
        at.Ticket.Status.ShouldBe(TicketStatus.Queued);
        var e = at.Single(EventKind.AutoEscalated);
        e.Actor.ShouldBe(UserRef.System);
        e.FromTier.ShouldBe(1);
        e.Late.ShouldBeNull();
        e.Handoff!.Outcome.ShouldContain($"It sat at Tier 1 – Service Desk for {sat}");
        e.Handoff.Outcome.ShouldContain("Alice (Tier 1) had it");
        e.Handoff.MissingParts().ShouldBeEmpty();
    }

    [Fact]
    public void Tick_FunctionalTrigger_HandoffQuotesWhatTheLastTierRecorded()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);
        desk.Do(new AddNote(People.Alice, "Reinstalled the driver, no change"));

        var d = desk.TickAt(At.Utc(2026, 1, 5, 13));

        var note = d.Single(EventKind.AutoEscalated).Handoff!;
        note.Tried.ShouldBe("Last note at Tier 1 – Service Desk: Reinstalled the driver, no change");
        note.Needs.ShouldContain("Tier 2 – Desktop & Apps");
        d.Ticket.LastHandoff.ShouldBe(note);
        d.Ticket.LastNote.ShouldBeNull(); // the new tier starts with a clean slate
    }

    [Fact]
    public void Tick_FunctionalTriggerWithNothingRecorded_HandoffSaysSo()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);

        desk.TickAt(At.Utc(2026, 1, 5, 13)).Single(EventKind.AutoEscalated).Handoff!.Tried.ShouldBe("Nothing was recorded at Tier 1 – Service Desk.");
    }

    /// <summary>
    /// An unaccepted P2 is a capacity problem, not a skills problem: every 30 min (its response target) the queue, then its lead,
    /// then the managers are told, and it stays at Tier 1 until its own functional trigger (4 business hours, 13:00) moves it.
    /// </summary>
    [Fact]
    public void Tick_UnacceptedP2_RemindsQueueThenLeadThenManagersAtTheSameTier()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);

        desk.TickAt(At.Utc(2026, 1, 5, 9, 30) - At.OneTick).Changed.ShouldBeFalse();
        var queue = desk.TickAt(At.Utc(2026, 1, 5, 9, 30));
        var repeated = desk.Tick();
        var lead = desk.TickAt(At.Utc(2026, 1, 5, 10));
        var managers = desk.TickAt(At.Utc(2026, 1, 5, 10, 30));
        var quiet = desk.TickAt(At.Utc(2026, 1, 5, 13) - At.OneTick);
        var trigger = desk.TickAt(At.Utc(2026, 1, 5, 13));

        queue.Kinds().ShouldBe([EventKind.QueueReminded]);
        queue.DirectsTo(People.Lena).ShouldBeEmpty();
        queue.ManagerAlerts().ShouldBeEmpty();
        queue.CardTiers().ShouldBe([1]);
        repeated.Changed.ShouldBeFalse();
        lead.Kinds().ShouldBe([EventKind.QueueReminded]);
        lead.DirectTo(People.Lena).Text.ShouldContain("without an owner");
        lead.ManagerAlerts().ShouldBeEmpty();
        managers.Kinds().ShouldBe([EventKind.QueueReminded]);
        var alert = managers.ManagerAlerts().ShouldHaveSingleItem();
        alert.Text.ShouldContain("still unaccepted at Tier 1 – Service Desk after 1 h 30 min");
        alert.Actions.ShouldBe([TicketActions.TakeOver, TicketActions.Reassign]);
        new[] { queue, lead, managers }.ShouldAllBe(d => d.Ticket.Tier == 1);
        quiet.Changed.ShouldBeFalse();
        var e = trigger.Single(EventKind.AutoEscalated);
        e.Handoff!.Outcome.ShouldContain("Not resolved after 4 business hours at Tier 1 – Service Desk (nobody accepted it)");
        trigger.Ticket.Tier.ShouldBe(2);
        trigger.Ticket.QueueReminders.ShouldBe(0);
    }

    /// <summary>Today's bug: the acceptance timeout moved an unaccepted P3 to Tier 2 after 8 hours, long before its 2-business-day trigger.</summary>
    [Fact]
    public void Tick_UnacceptedP3_StaysAtTier1UntilItsTwoBusinessDayTrigger()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P3);

        var triggerAt = At.Utc(2026, 1, 7, 9); // Wed 09:00 = Mon 09:00 + 20 business hours
        while (DeadlinePlanner.Next(desk.Ticket, desk.Policy) is { } next && next.DueAt < triggerAt) desk.TickAt(next.DueAt);
        var before = desk.TickAt(triggerAt - At.OneTick);
        var trigger = desk.TickAt(triggerAt);

        desk.History.Count(e => e.Kind == EventKind.QueueReminded).ShouldBe(3); // the queue, the lead, the managers
        desk.History.ShouldNotContain(e => e.Kind == EventKind.ManagerPinged); // not an SLA ping: the SLA is fine
        desk.History.Where(e => e.Kind == EventKind.QueueReminded).ShouldAllBe(e => e.Tier == 1);
        before.Ticket.Tier.ShouldBe(1);
        trigger.Single(EventKind.AutoEscalated).Tier.ShouldBe(2);
    }

    [Fact]
    public void Tick_UnacceptedAtATierWithoutLeads_ManagersToldAtTheSecondTimeout()
    {
        var desk = new Desk(TestPolicy.With(o => o.Tiers[0].Leads.Clear()));
        desk.RaiseP(Priority.P2);

        desk.TickAt(At.Utc(2026, 1, 5, 9, 30));
        var second = desk.TickAt(At.Utc(2026, 1, 5, 10));
        var third = desk.TickAt(At.Utc(2026, 1, 5, 10, 30));

        second.Kinds().ShouldBe([EventKind.QueueReminded]);
        second.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldContain("although the queue was reminded");
        third.Changed.ShouldBeFalse();
    }

    [Fact]
    public void Tick_UnacceptedAtTheVendorTier_QueueLeadManagersThenNothing()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Escalate(People.Maria, toTier: 4);

        var kinds = new[] { (9, 30), (10, 0), (10, 30), (12, 0) }.Select(x => desk.TickAt(At.Utc(2026, 1, 5, x.Item1, x.Item2)).Kinds().ToList()).ToList();

        kinds.ShouldBe([[EventKind.QueueReminded], [EventKind.QueueReminded], [EventKind.QueueReminded], []]);
        desk.Ticket.Tier.ShouldBe(4);
        desk.Ticket.HasMark(Marks.Unaccepted(4)).ShouldBeTrue();
    }

    /// <summary>Tier 4 is for the vendor: at Tier 3 (the top internal tier) the functional trigger tells the managers, once, and the ticket stays.</summary>
    [Fact]
    public void Tick_FunctionalTriggerAtTopInternalTier_AlertsManagersInsteadOfMovingToTheVendorTier()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Do(new ReassignTicket(People.Maria, "Storage fault", ToOwner: People.Erin));
        var due = desk.Due(DeadlineKind.FunctionalEscalation);

        var d = desk.TickAt(due);
        var later = desk.TickAt(due + TimeSpan.FromDays(3));

        due.ShouldBe(At.Utc(2026, 1, 5, 13));
        d.Kinds().ShouldBe([EventKind.TopTierTimedOut]);
        d.Ticket.Tier.ShouldBe(3);
        d.Ticket.Owner.ShouldBe(People.Erin);
        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Text.ShouldContain("the top internal tier (owner: Erin (Tier 3))");
        alert.Text.ShouldContain("Moving it to Tier 4 – Vendors is a decision for Tier 3 – Infrastructure or a manager");
        alert.Actions.ShouldBe([TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate]);
        later.Kinds().ShouldNotContain(EventKind.AutoEscalated);
        desk.HasDeadline(DeadlineKind.FunctionalEscalation).ShouldBeFalse();
        desk.History.ShouldAllBe(e => e.Tier <= 3);
    }

    [Fact]
    public void Tick_FunctionalTriggerAtTopInternalTier_CategoryCoveredByAVendor_MovesToTheVendorTier()
    {
        var desk = new Desk(TestPolicy.With(o => o.Categories["Network"].Vendor = "Contoso Networks"));
        desk.Raise("VPN concentrator down", impact: Impact.High, urgency: Urgency.Medium, category: "Network");
        desk.Do(new ReassignTicket(People.Maria, "Gateway fault", ToTier: 3));

        var d = desk.TickAt(desk.Due(DeadlineKind.FunctionalEscalation));

        d.Ticket.Tier.ShouldBe(4);
        d.Single(EventKind.AutoEscalated).Handoff!.Needs.ShouldContain("open a case with Contoso Networks");
    }

    [Fact]
    public void Tick_AtTheVendorTier_NoFunctionalTrigger()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Do(new ReassignTicket(People.Maria, "Vendor fault", ToTier: 4, ToOwner: People.Gina));

        desk.HasDeadline(DeadlineKind.FunctionalEscalation).ShouldBeFalse();
    }

    /// <summary>A manager's reassignment to a person gives them a whole period at the tier: the trigger counts from the reassignment.</summary>
    [Fact]
    public void Tick_ReassignedToAPerson_FunctionalTriggerCountsFromTheReassignment()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.AdvanceTo(At.Utc(2026, 1, 5, 12));

        desk.Do(new ReassignTicket(People.Maria, "Bob knows the printers", ToOwner: People.Bob));

        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(At.Utc(2026, 1, 5, 16));
    }

    [Fact]
    public void Tick_NothingDue_NoChangeSameTicket()
    {
        var desk = new Desk();
        var raised = desk.RaiseP(Priority.P3);

        var d = desk.TickAt(At.Utc(2026, 1, 5, 10));

        d.Changed.ShouldBeFalse();
        d.Notifications.ShouldBeEmpty();
        d.Ticket.ShouldBe(raised.Ticket);
    }

    [Fact]
    public void Tick_TwiceAtTheSameInstant_SecondDoesNothing()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);
        var first = desk.TickAt(At.Utc(2026, 1, 5, 13));

        var second = desk.Tick();

        first.Changed.ShouldBeTrue();
        second.Changed.ShouldBeFalse();
        second.Ticket.ShouldBe(first.Ticket);
        second.Deadlines.ShouldBe(first.Deadlines);
    }

    [Fact]
    public void Tick_AfterLongDowntime_MovesOneTierNotOnePerMissedPeriod()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);

        var d = desk.TickAt(At.Utc(2026, 1, 7, 9)); // two days of downtime

        d.Ticket.Tier.ShouldBe(2);
        d.Events.Count(e => e.Kind == EventKind.AutoEscalated).ShouldBe(1);
        d.Single(EventKind.AutoEscalated).Late.ShouldNotBeNull();
    }
}
