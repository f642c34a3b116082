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
    public void AddNote_Staff_RecordedAsLastNote()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Alice, "  Swapped the toner, still jams  "));

        d.Ticket.LastNote.ShouldBe("Swapped the toner, still jams");
        d.Single(EventKind.NoteAdded).Note.ShouldBe("Swapped the toner, still jams");
        d.DirectsTo(People.Uma).ShouldBeEmpty();
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
