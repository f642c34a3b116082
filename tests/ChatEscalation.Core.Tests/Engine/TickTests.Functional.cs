using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
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

    [Fact]
    public void Tick_UnacceptedP2_RemindsQueueOnceThenEscalates()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        var reminderAt = At.Utc(2026, 1, 5, 9, 30);
        var escalateAt = At.Utc(2026, 1, 5, 10);

        desk.TickAt(reminderAt - At.OneTick).Changed.ShouldBeFalse();
        var reminder = desk.TickAt(reminderAt);
        var repeated = desk.Tick();
        var beforeEscalation = desk.TickAt(escalateAt - At.OneTick);
        var escalation = desk.TickAt(escalateAt);

        reminder.Kinds().ShouldBe([EventKind.QueueReminded]);
        reminder.DirectTo(People.Lena).Text.ShouldContain("without an owner");
        reminder.CardTiers().ShouldBe([1]);
        reminder.Ticket.Tier.ShouldBe(1);
        repeated.Changed.ShouldBeFalse();
        beforeEscalation.Changed.ShouldBeFalse();
        var e = escalation.Single(EventKind.AutoEscalated);
        e.Handoff!.Outcome.ShouldContain("Nobody accepted it at Tier 1 – Service Desk within 30 min, even after a reminder");
        e.Handoff.Outcome.ShouldContain("It sat at Tier 1 – Service Desk for 1 h");
        escalation.Ticket.Tier.ShouldBe(2);
        escalation.Ticket.QueueReminders.ShouldBe(0);
    }

    [Fact]
    public void Tick_UnacceptedAtLastTier_ManagersToldOnceAfterTheReminder()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Escalate(People.Maria, toTier: 4);

        var reminder = desk.TickAt(At.Utc(2026, 1, 5, 9, 30));
        var managers = desk.TickAt(At.Utc(2026, 1, 5, 10));
        var later = desk.TickAt(At.Utc(2026, 1, 5, 12));

        reminder.Kinds().ShouldBe([EventKind.QueueReminded]);
        managers.Kinds().ShouldBe([EventKind.ManagerPinged]);
        managers.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldContain("unaccepted at Tier 4 – Vendors, the last tier");
        later.Changed.ShouldBeFalse();
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
