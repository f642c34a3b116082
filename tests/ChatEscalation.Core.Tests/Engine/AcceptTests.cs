using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class AcceptTests
{
    [Theory]
    [InlineData("alice@demo.local")]
    [InlineData("bob@demo.local")]
    [InlineData("lena@demo.local")] // leads are members too
    public void Accept_TierMember_BecomesOwner(string who)
    {
        var desk = new Desk();
        desk.Raise();
        var actor = desk.Policy.Person(who);

        var d = desk.Do(new AcceptTicket(actor));

        d.Ticket.Owner.ShouldBe(actor);
        d.Ticket.Status.ShouldBe(TicketStatus.Accepted);
        d.Ticket.FirstAcceptedAt.ShouldBe(desk.Now);
        d.Kinds().ShouldBe([EventKind.Accepted]);
        d.Ticket.Version.ShouldBe(2);
    }

    [Fact]
    public void Accept_MemberOfAnotherTier_RefusedNamingBothTiers()
    {
        var desk = new Desk();
        desk.Raise();

        var r = desk.Refuse(new AcceptTicket(People.Carol));

        r.Code.ShouldBe(RefusalCode.NotAllowed);
        r.Reason.ShouldContain("Only Tier 1 – Service Desk members");
        r.Reason.ShouldContain("You are in Tier 2 – Desktop & Apps");
    }

    [Fact]
    public void Accept_NotOnAnyTier_Refused()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new AcceptTicket(People.Uma)).Code.ShouldBe(RefusalCode.NotAllowed);
        desk.Refuse(new AcceptTicket(People.Maria)).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void Accept_AlreadyOwnedBySomebodyElse_ConflictNamingTheOwner()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var r = desk.Refuse(new AcceptTicket(People.Bob));

        r.Code.ShouldBe(RefusalCode.Conflict);
        r.Reason.ShouldContain("Alice (Tier 1)");
    }

    [Fact]
    public void Accept_RepeatedByOwner_NoEventsNoNotificationsSameVersion()
    {
        var desk = new Desk();
        desk.Raise();
        var first = desk.Accept(People.Alice);
        desk.Advance(TimeSpan.FromMinutes(1));

        var again = desk.Accept(People.Alice);

        again.Changed.ShouldBeFalse();
        again.Events.ShouldBeEmpty();
        again.Notifications.ShouldBeEmpty();
        again.Ticket.ShouldBe(first.Ticket);
        again.Reply.ShouldContain("already own");
    }

    [Fact]
    public void Accept_ResolvedTicket_RefusedAsInvalidState()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);
        desk.Do(new ResolveTicket(People.Alice, "Replaced the fuser unit"));

        desk.Refuse(new AcceptTicket(People.Bob)).Code.ShouldBe(RefusalCode.InvalidState);
    }

    [Fact]
    public void Accept_Queued_StopsAcceptanceTimeout()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.HasDeadline(Deadlines.DeadlineKind.AcceptanceTimeout).ShouldBeTrue();

        desk.Accept();

        desk.HasDeadline(Deadlines.DeadlineKind.AcceptanceTimeout).ShouldBeFalse();
    }
}
