using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>A ticket raised from a channel message: its reporter's status lines are mirrored, once each, into that message's thread.</summary>
public class SourceThreadTests
{
    private static readonly SourceThread Thread = new("C0GENERAL", "1773136800.000100");

    private static Desk RaisedFromMessage()
    {
        var desk = new Desk();
        desk.Raise(new RaiseTicket(People.Uma, "slack", "Is the VPN down for anyone else?", RaisedBy: People.Bob, SourceThread: Thread));
        return desk;
    }

    private static IReadOnlyList<Notification> InThread(Core.Engine.Decision d) =>
        d.Notifications.Where(n => n.To.Kind == AudienceKind.SourceThread).ToList();

    [Fact]
    public void Raise_FromAMessage_KeepsTheThreadAndSaysNothingThere()
    {
        var desk = new Desk();

        var d = desk.Raise(new RaiseTicket(People.Uma, "slack", "Is the VPN down for anyone else?", RaisedBy: People.Bob, SourceThread: Thread));

        d.Ticket.SourceThread.ShouldBe(Thread);
        InThread(d).ShouldBeEmpty(); // the shell answers the raise in the thread itself
        d.DirectTo(People.Uma).Text.ShouldContain("raised for you");
    }

    [Fact]
    public void Accept_RaisedFromAMessage_SameLineInTheThreadAndTheReportersDm()
    {
        var desk = RaisedFromMessage();

        var d = desk.Accept(People.Alice);

        var dm = d.DirectTo(People.Uma);
        InThread(d).ShouldHaveSingleItem().ShouldBe(Notification.Thread(Audience.SourceThread, dm.Text));
    }

    [Fact]
    public void Escalate_RaisedFromAMessage_TheThreadSaysWhoOwnsItNow()
    {
        var desk = RaisedFromMessage();
        desk.Accept(People.Alice);

        var d = desk.Escalate(People.Alice);

        InThread(d).ShouldHaveSingleItem().Text.ShouldBe(d.DirectTo(People.Uma).Text);
        InThread(d).Single().Text.ShouldContain("Tier 2");
    }

    [Fact]
    public void AddNote_StaffElsewhere_ReachesTheThreadAndTheDm()
    {
        var desk = RaisedFromMessage();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Alice, "Restarting the VPN gateway now"));

        d.DirectTo(People.Uma).Text.ShouldContain("Restarting the VPN gateway now");
        InThread(d).ShouldHaveSingleItem().Text.ShouldContain("Restarting the VPN gateway now");
    }

    [Fact]
    public void AddNote_StaffInTheThread_OnlyTheDmNotTheThreadAgain()
    {
        var desk = RaisedFromMessage();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Alice, "Restarting the VPN gateway now", InSourceThread: true));

        d.DirectTo(People.Uma).Text.ShouldContain("Restarting the VPN gateway now");
        InThread(d).ShouldBeEmpty();
    }

    [Fact]
    public void AddNote_ReporterInTheThread_NothingMirrored()
    {
        var desk = RaisedFromMessage();
        desk.Accept(People.Alice);

        var d = desk.Do(new AddNote(People.Uma, "It works from home", InSourceThread: true));

        InThread(d).ShouldBeEmpty();
        d.DirectTo(People.Alice).Text.ShouldContain("It works from home");
    }

    [Fact]
    public void CompleteIntake_SuggestionsForTheReporter_AskedByDmOnlyNotInTheThread()
    {
        var desk = new Desk();
        desk.Raise(new RaiseTicket(People.Uma, "slack", "VPN drops every 10 minutes", RaisedBy: People.Bob, SourceThread: Thread, AwaitKnowledge: true));
        var fix = new Suggestion(SuggestionSource.ResolvedTicket, 12, "VPN drops every 10 minutes", "Replaced the VPN profile.", 12);

        var d = desk.Do(new CompleteIntake(UserRef.System, new IntakeFindings([fix], [])));

        d.DirectTo(People.Uma).Actions.ShouldBe([TicketActions.Fixed, TicketActions.StillBroken]); // her buttons, in her DM
        InThread(d).ShouldBeEmpty();
    }

    [Fact]
    public void Accept_RaisedInAChat_NothingGoesToAThread()
    {
        var desk = new Desk();
        desk.Raise();

        InThread(desk.Accept(People.Alice)).ShouldBeEmpty();
    }
}
