using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Holidays and DST on the London business calendar (Mon-Fri 08:00-18:00).</summary>
public class CalendarScenarioTests
{
    /// <summary>
    /// (b) A P3 raised Thursday 2026-12-24 10:00 (GMT = UTC) and accepted at once. Its trigger is 2 business days = 20 h:
    /// Thu 10:00-18:00 gives 8 h; Fri 25th (holiday), the weekend and Mon 28th (holiday) give nothing; Tue 29th 08:00-18:00
    /// gives 10 h (18 h); the last 2 h run Wed 30th 08:00-10:00. So it escalates at Wed 2026-12-30 10:00 UTC.
    /// </summary>
    [Fact]
    public void P3RaisedTheDayBeforeAHoliday_EscalatesAfterTwoBusinessDaysSkippingHolidaysAndWeekend()
    {
        var desk = new Desk(start: At.Utc(2026, 12, 24, 10));
        desk.RaiseP(Priority.P3);
        desk.Accept(People.Alice);
        var due = At.Utc(2026, 12, 30, 10);

        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(due);
        desk.TickAt(At.Utc(2026, 12, 28, 17)).Changed.ShouldBeFalse();
        desk.TickAt(due - At.OneTick).Changed.ShouldBeFalse();
        var d = desk.TickAt(due);

        d.Single(EventKind.AutoEscalated).Handoff!.Outcome.ShouldContain("It sat at Tier 1 – Service Desk for 6 d");
        d.Ticket.Tier.ShouldBe(2);
    }

    /// <summary>
    /// A P2 raised Friday 2026-10-23 16:00 BST (15:00 UTC); clocks go back on Sunday 25th. Friday gives 2 business hours
    /// (16:00-18:00 BST); Monday 26th opens at 08:00 GMT = 08:00 UTC. Trigger 4 h → Mon 10:00 UTC; warning 6 h → 12:00;
    /// manager 7 h 12 → 13:12; breach 8 h → 14:00; acceptance 30 min → Fri 15:30 UTC.
    /// </summary>
    [Fact]
    public void P2RaisedFridayBeforeClocksGoBack_DueInstantsCorrectInUtc()
    {
        var desk = new Desk(start: At.Utc(2026, 10, 23, 15));
        desk.RaiseP(Priority.P2);
        desk.Due(DeadlineKind.AcceptanceTimeout).ShouldBe(At.Utc(2026, 10, 23, 15, 30));
        desk.Accept(People.Alice);

        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(At.Utc(2026, 10, 26, 10));
        desk.Due(DeadlineKind.SlaWarning).ShouldBe(At.Utc(2026, 10, 26, 12));
        desk.Due(DeadlineKind.SlaManager).ShouldBe(At.Utc(2026, 10, 26, 13, 12));
        desk.Due(DeadlineKind.SlaBreach).ShouldBe(At.Utc(2026, 10, 26, 14));
        desk.TickAt(At.Utc(2026, 10, 26, 10) - At.OneTick).Changed.ShouldBeFalse();
        desk.TickAt(At.Utc(2026, 10, 26, 10)).Kinds().ShouldContain(EventKind.AutoEscalated);
    }

    /// <summary>
    /// A P2 raised Friday 2026-03-27 16:00 GMT (16:00 UTC); clocks go forward on Sunday 29th. Friday gives 2 h; Monday 30th opens
    /// at 08:00 BST = 07:00 UTC. Trigger 4 h → Mon 09:00 UTC; warning 6 h → 11:00; manager 7 h 12 → 12:12; breach 8 h → 13:00;
    /// acceptance 30 min → Fri 16:30 UTC.
    /// </summary>
    [Fact]
    public void P2RaisedFridayBeforeClocksGoForward_DueInstantsCorrectInUtc()
    {
        var desk = new Desk(start: At.Utc(2026, 3, 27, 16));
        desk.RaiseP(Priority.P2);
        desk.Due(DeadlineKind.AcceptanceTimeout).ShouldBe(At.Utc(2026, 3, 27, 16, 30));
        desk.Accept(People.Alice);

        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(At.Utc(2026, 3, 30, 9));
        desk.Due(DeadlineKind.SlaWarning).ShouldBe(At.Utc(2026, 3, 30, 11));
        desk.Due(DeadlineKind.SlaManager).ShouldBe(At.Utc(2026, 3, 30, 12, 12));
        desk.Due(DeadlineKind.SlaBreach).ShouldBe(At.Utc(2026, 3, 30, 13));
        desk.TickAt(At.Utc(2026, 3, 30, 9) - At.OneTick).Changed.ShouldBeFalse();
        desk.TickAt(At.Utc(2026, 3, 30, 9)).Kinds().ShouldContain(EventKind.AutoEscalated);
    }

    [Fact]
    public void P1OverTheWeekend_RunsOn24x7()
    {
        var desk = new Desk(start: At.Utc(2026, 1, 10, 2)); // Saturday 02:00
        desk.RaiseP(Priority.P1);
        desk.Accept(People.Alice);

        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(At.Utc(2026, 1, 10, 2, 30));
        desk.Due(DeadlineKind.SlaBreach).ShouldBe(At.Utc(2026, 1, 10, 6));
    }
}
