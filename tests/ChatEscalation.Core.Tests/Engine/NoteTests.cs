using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class NoteTests
{
    [Fact]
    public void AddNote_ReporterOnTicketWaitingOnThem_ResumesAndReachesOwner()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);
        desk.Do(new WaitOnUser(People.Alice, "Which printer model is it?"));
        desk.Advance(TimeSpan.FromHours(1));

        var d = desk.Do(new AddNote(People.Uma, "It is the HP M507"));

        d.Kinds().ShouldBe([EventKind.NoteAdded, EventKind.Resumed]);
        d.Ticket.Status.ShouldBe(TicketStatus.Accepted);
        d.Ticket.Sla.IsPaused.ShouldBeFalse();
        d.Ticket.Sla.Paused.ShouldBe(TimeSpan.FromHours(1));
        d.DirectsTo(People.Alice).ShouldContain(n => n.Text.Contains("It is the HP M507"));
        d.DirectsTo(People.Uma).ShouldBeEmpty();
        d.Ticket.LastNote.ShouldBeNull(); // a reporter's comment is not a work note
    }

    [Fact]
    public void AddNote_ReporterOnUnownedTicket_PostedInTheQueueThread()
    {
        var desk = new Desk();
        desk.Raise();

        var d = desk.Do(new AddNote(People.Uma, "It also jams on tray 2"));

        d.Notifications.ShouldContain(n => n.Kind == NotificationKind.ThreadUpdate && n.To == Audience.Queue(1) && n.Text.Contains("tray 2"));
    }

    [Fact]
    public void AddNote_Staff_RecordedAsLastNoteAndReachesTheReporter()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Alice, "  Swapped the toner, still jams  "));

        d.Ticket.LastNote.ShouldBe("Swapped the toner, still jams");
        d.Single(EventKind.NoteAdded).Note.ShouldBe("Swapped the toner, still jams");
        d.DirectTo(People.Uma).Text.ShouldBe("INC-000042: Alice (Tier 1) wrote: Swapped the toner, still jams");
        d.Reply.ShouldEndWith("is told.");
    }

    [Fact]
    public void AddNote_StaffInternal_KeptButReporterNotTold()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Alice, "Internal: the proxy logs show her laptop's old certificate"));

        d.Single(EventKind.NoteAdded).Note.ShouldBe("the proxy logs show her laptop's old certificate");
        d.Single(EventKind.NoteAdded).Text.ShouldStartWith("Internal note");
        d.Ticket.LastNote.ShouldBe("the proxy logs show her laptop's old certificate");
        d.Notifications.ShouldBeEmpty();
        d.Reply.ShouldContain("not told");
    }

    [Fact]
    public void AddNote_ReporterStartingWithInternal_IsAnOrdinaryComment()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Uma, "internal: my dock too"));

        d.DirectTo(People.Alice).Text.ShouldContain("internal: my dock too");
    }

    [Fact]
    public void AddNote_StaffInternalWithNothingAfter_Refused()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new AddNote(People.Alice, "internal:  ")).Field.ShouldBe("note");
    }

    [Fact]
    public void AddNote_Stranger_Refused()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new AddNote(People.Stranger, "hello")).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void AddNote_Empty_Refused()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new AddNote(People.Uma, "   ")).Field.ShouldBe("note");
    }

    [Fact]
    public void AddNote_CancelledTicket_Refused()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Do(new CancelTicket(People.Uma));

        desk.Refuse(new AddNote(People.Uma, "one more thing")).Code.ShouldBe(RefusalCode.InvalidState);
    }
}
