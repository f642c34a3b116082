using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class WaitOnUserTests
{
    /// <summary>P2 accepted Monday 09:00: functional trigger 13:00, warning 15:00, manager 16:12, breach 17:00.</summary>
    private static Desk AcceptedP2()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);
        return desk;
    }

    [Fact]
    public void WaitOnUser_Accepted_PausesAndDropsEverySlaDeadline()
    {
        var desk = AcceptedP2();
        desk.AdvanceTo(At.Utc(2026, 1, 5, 10));

        var d = desk.Do(new WaitOnUser(People.Alice, "Which printer model is it?"));

        d.Ticket.Status.ShouldBe(TicketStatus.WaitingOnUser);
        d.Ticket.Sla.PausedSince.ShouldBe(desk.Now);
        d.Deadlines.ShouldBeEmpty();
        d.DirectTo(People.Uma).Text.ShouldContain("Which printer model is it?");
    }

    [Fact]
    public void WaitOnUser_LongPause_NothingFires()
    {
        var desk = AcceptedP2();
        desk.AdvanceTo(At.Utc(2026, 1, 5, 10));
        desk.Do(new WaitOnUser(People.Alice, "Which printer model is it?"));

        desk.TickAt(At.Utc(2026, 1, 9, 17)).Changed.ShouldBeFalse();
    }

    [Fact]
    public void Resume_AfterPause_DueTimesShiftByExactlyThePausedBusinessTime()
    {
        // Paused Mon 10:00, resumed Tue 10:00: 10 business hours (Mon 10-18, Tue 08-10).
        var desk = AcceptedP2();
        var breachBefore = desk.Due(DeadlineKind.SlaBreach);
        var escalateBefore = desk.Due(DeadlineKind.FunctionalEscalation);
        desk.AdvanceTo(At.Utc(2026, 1, 5, 10));
        desk.Do(new WaitOnUser(People.Alice, "Which printer model is it?"));
        desk.AdvanceTo(At.Utc(2026, 1, 6, 10));

        var d = desk.Do(new ResumeTicket(People.Alice));

        var calendar = SlaMath.CalendarOf(d.Ticket, desk.Policy);
        d.Ticket.Sla.Paused.ShouldBe(TimeSpan.FromHours(10));
        breachBefore.ShouldBe(At.Utc(2026, 1, 5, 17));
        desk.Due(DeadlineKind.SlaBreach).ShouldBe(At.Utc(2026, 1, 6, 17));
        calendar.Elapsed(breachBefore, desk.Due(DeadlineKind.SlaBreach)).ShouldBe(TimeSpan.FromHours(10));
        escalateBefore.ShouldBe(At.Utc(2026, 1, 5, 13));
        desk.Due(DeadlineKind.FunctionalEscalation).ShouldBe(At.Utc(2026, 1, 6, 13));
        d.Kinds().ShouldBe([EventKind.Resumed]);
    }

    [Fact]
    public void Resume_ByReporter_Allowed()
    {
        var desk = AcceptedP2();
        desk.Do(new WaitOnUser(People.Alice, "Which printer model is it?"));

        desk.Do(new ResumeTicket(People.Uma)).Ticket.Status.ShouldBe(TicketStatus.Accepted);
    }

    [Fact]
    public void Resume_NotWaiting_Refused()
    {
        var desk = AcceptedP2();

        desk.Refuse(new ResumeTicket(People.Alice)).Code.ShouldBe(RefusalCode.InvalidState);
    }

    [Fact]
    public void WaitOnUser_QueuedTicket_RefusedUntilAccepted()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new WaitOnUser(People.Lena, "Which printer?")).Code.ShouldBe(RefusalCode.InvalidState);
    }

    [Fact]
    public void WaitOnUser_NotDirector_Refused()
    {
        var desk = AcceptedP2();

        desk.Refuse(new WaitOnUser(People.Bob, "Which printer?")).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void WaitOnUser_NoQuestion_Refused()
    {
        var desk = AcceptedP2();

        desk.Refuse(new WaitOnUser(People.Alice, " ")).Field.ShouldBe("question");
    }
}
