using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Reassign, TakeOver and OverridePriority: the manager's tools.</summary>
public class ManagerCommandTests
{
    private static Desk OwnedByAlice()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P3);
        desk.Accept(People.Alice);
        return desk;
    }

    [Theory]
    [InlineData("alice@demo.local")]
    [InlineData("lena@demo.local")]
    [InlineData("uma@demo.local")]
    public void Reassign_NotManager_Refused(string who)
    {
        var desk = OwnedByAlice();

        desk.Refuse(new ReassignTicket(desk.Policy.Person(who), "Better suited", ToTier: 2)).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void Reassign_NoReason_Refused()
    {
        var desk = OwnedByAlice();

        desk.Refuse(new ReassignTicket(People.Maria, "", ToTier: 2)).Field.ShouldBe("reason");
    }

    [Fact]
    public void Reassign_NoTargetOrUnknownTierOrOutsider_Refused()
    {
        var desk = OwnedByAlice();

        desk.Refuse(new ReassignTicket(People.Maria, "Better suited")).Field.ShouldBe("tier");
        desk.Refuse(new ReassignTicket(People.Maria, "Better suited", ToTier: 7)).Field.ShouldBe("tier");
        desk.Refuse(new ReassignTicket(People.Maria, "Better suited", ToOwner: People.Uma)).Field.ShouldBe("owner");
    }

    [Fact]
    public void Reassign_ToTier_QueuedThereWithReasonRecorded()
    {
        var desk = OwnedByAlice();

        var d = desk.Do(new ReassignTicket(People.Maria, "Needs infrastructure access", ToTier: 3));

        d.Ticket.Tier.ShouldBe(3);
        d.Ticket.Owner.ShouldBeNull();
        d.Ticket.Status.ShouldBe(TicketStatus.Queued);
        d.Single(EventKind.Reassigned).Note.ShouldBe("Needs infrastructure access");
        d.CardTiers().ShouldBe([1, 3]);
    }

    [Fact]
    public void Reassign_ToPersonOnAnotherTier_MovesToTheirTierAndTellsThem()
    {
        var desk = OwnedByAlice();

        var d = desk.Do(new ReassignTicket(People.Maria, "Carol knows this printer", ToOwner: People.Carol));

        d.Ticket.Tier.ShouldBe(2);
        d.Ticket.Owner.ShouldBe(People.Carol);
        d.Ticket.Status.ShouldBe(TicketStatus.Accepted);
        d.DirectTo(People.Carol).Text.ShouldContain("Carol knows this printer");
    }

    [Theory]
    [InlineData("maria@demo.local")]
    [InlineData("lena@demo.local")]
    public void TakeOver_ManagerOrTierLead_BecomesOwnerAndPreviousOwnerTold(string who)
    {
        var desk = OwnedByAlice();
        var actor = desk.Policy.Person(who);

        var d = desk.Do(new TakeOverTicket(actor));

        d.Ticket.Owner.ShouldBe(actor);
        d.DirectTo(People.Alice).Text.ShouldContain("took over");
        d.DirectsTo(actor).ShouldBeEmpty();
    }

    [Fact]
    public void TakeOver_Technician_Refused()
    {
        var desk = OwnedByAlice();

        desk.Refuse(new TakeOverTicket(People.Bob)).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void TakeOver_ByCurrentOwner_NoChange()
    {
        var desk = OwnedByAlice();
        desk.Do(new TakeOverTicket(People.Maria));

        desk.Do(new TakeOverTicket(People.Maria)).Changed.ShouldBeFalse();
    }

    [Fact]
    public void OverridePriority_Manager_TermsReSnapshottedForNewPriority()
    {
        var desk = OwnedByAlice();

        var d = desk.Do(new OverridePriority(People.Maria, Priority.P1, "Blocks month-end close"));

        d.Ticket.Priority.ShouldBe(Priority.P1);
        d.Ticket.Terms.ShouldBe(desk.Policy.Terms[Priority.P1]);
        d.Ticket.Terms.Calendar.ShouldBe("24x7");
        d.Ticket.Terms.EscalateAfter.ShouldBe(TimeSpan.FromMinutes(30));
        d.Ticket.RoutingReason.ShouldStartWith("P1: set by Maria (IT manager) (Blocks month-end close)");
        d.Single(EventKind.PriorityOverridden).Note.ShouldBe("Blocks month-end close");
        d.DirectTo(People.Uma).Text.ShouldContain("priority is now P1");
    }

    [Fact]
    public void OverridePriority_NotManagerOrNoReasonOrSamePriority_Refused()
    {
        var desk = OwnedByAlice();

        desk.Refuse(new OverridePriority(People.Lena, Priority.P1, "Urgent now")).Code.ShouldBe(RefusalCode.NotAllowed);
        desk.Refuse(new OverridePriority(People.Maria, Priority.P1, "")).Field.ShouldBe("reason");
        desk.Refuse(new OverridePriority(People.Maria, Priority.P3, "No change")).Field.ShouldBe("priority");
    }

    [Fact]
    public void Reassign_ToPersonAfterHours_NoPageForATicketThatHasAnOwner()
    {
        var desk = new Desk(start: At.Utc(2026, 1, 9, 18, 30));
        desk.RaiseP(Priority.P2);

        var d = desk.Do(new ReassignTicket(People.Maria, "Carol is on site tonight", ToOwner: People.Carol));

        d.Ticket.Page.ShouldBeNull();
        d.Kinds().ShouldNotContain(EventKind.Paged);
        d.DirectTo(People.Carol).Urgent.ShouldBeFalse();
    }

    [Fact]
    public void Reassign_ToTierAfterHours_EventThenPageOfThatTier()
    {
        var desk = new Desk(start: At.Utc(2026, 1, 9, 18, 30));
        desk.RaiseP(Priority.P2);

        var d = desk.Do(new ReassignTicket(People.Maria, "Needs desktop team", ToTier: 2));

        d.Kinds().ShouldBe([EventKind.Reassigned, EventKind.Paged]);
        d.Ticket.Page!.Person.ShouldBe("carol@demo.local");
    }
}
