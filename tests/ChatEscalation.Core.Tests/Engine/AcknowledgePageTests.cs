using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class AcknowledgePageTests
{

    [Fact]
    public void Acknowledge_NoPage_Refused()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new AcknowledgePage(People.Alice)).Code.ShouldBe(RefusalCode.InvalidState);
    }

    [Fact]
    public void Acknowledge_PagedPerson_StopsPagingAndAcceptsTheTicket()
    {
        var desk = Desk.PagingCarol();
        desk.Advance(TimeSpan.FromMinutes(4));

        var d = desk.Do(new AcknowledgePage(People.Carol));

        d.Ticket.Page.ShouldBeNull();
        d.Ticket.Owner.ShouldBe(People.Carol);
        d.Kinds().ShouldBe([EventKind.PageAcknowledged, EventKind.Accepted]);
        d.Single(EventKind.PageAcknowledged).Text.ShouldContain("after 4 min");
        d.Deadlines.ShouldNotContain(x => x.Kind == DeadlineKind.Repage);
    }

    [Fact]
    public void Acknowledge_Manager_StopsPagingWithoutTakingOwnership()
    {
        var desk = Desk.PagingCarol();

        var d = desk.Do(new AcknowledgePage(People.Maria));

        d.Ticket.Page.ShouldBeNull();
        d.Ticket.Owner.ShouldBeNull();
    }

    [Theory]
    [InlineData("uma@demo.local")]
    [InlineData("alice@demo.local")]
    public void Acknowledge_OutsideThePagedTier_RefusedNamingWhoIsPaged(string who)
    {
        var desk = Desk.PagingCarol();

        var r = desk.Refuse(new AcknowledgePage(desk.Policy.Person(who)));

        r.Code.ShouldBe(RefusalCode.NotAllowed);
        r.Reason.ShouldContain("Carol (Tier 2)");
    }

    [Fact]
    public void Acknowledge_AfterAcknowledging_NoMoreRepages()
    {
        var desk = Desk.PagingCarol();
        desk.Do(new AcknowledgePage(People.Carol));

        var later = desk.TickAt(At.Utc(2026, 1, 9, 23));

        later.Kinds().ShouldNotContain(EventKind.Paged);
    }
}
