using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

/// <summary>What each copy of a ticket may show: no copy offers a button that could only be refused.</summary>
public class TicketCopiesTests
{
    private static readonly string[] ManagerAlertActions = [TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate];

    [Theory]
    [InlineData(TicketStatus.Queued, new[] { TicketActions.Note, TicketActions.Cancel, TicketActions.EscalateManager })]
    [InlineData(TicketStatus.Accepted, new[] { TicketActions.Note, TicketActions.Cancel, TicketActions.EscalateManager })]
    [InlineData(TicketStatus.WaitingOnUser, new[] { TicketActions.Note, TicketActions.Cancel, TicketActions.EscalateManager })]
    [InlineData(TicketStatus.Resolved, new[] { TicketActions.Reopen })]
    [InlineData(TicketStatus.Closed, new string[0])]
    [InlineData(TicketStatus.Cancelled, new string[0])]
    public void ReporterActions_EachStatus_TheReportersOwnActionsOnly(TicketStatus status, string[] expected) =>
        TicketCopies.ReporterActions(status).ShouldBe(expected);

    [Fact]
    public void Answer_ToTheReporter_StatusWithTheReportersButtons()
    {
        var desk = new Desk();
        desk.Raise();
        var view = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now);
        view.Actions.ShouldContain(TicketActions.Accept);

        var copy = TicketCopies.Answer(view, People.Uma);

        copy.Actions.ShouldBe([TicketActions.Note, TicketActions.Cancel, TicketActions.EscalateManager]);
        copy.StatusText.ShouldBe(view.StatusText);
    }

    [Fact]
    public void Answer_ToSomebodyElseOrNobody_NoButtons()
    {
        var desk = new Desk();
        desk.Raise();
        var view = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now);

        TicketCopies.Answer(view, People.Alice).Actions.ShouldBeEmpty();
        TicketCopies.Answer(view, null).Actions.ShouldBeEmpty();
    }

    [Fact]
    public void StillOffered_ManagerAlertAfterResolve_NoButtonsLeft()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        desk.Do(new ResolveTicket(People.Alice, "Replaced the toner"));

        TicketCopies.StillOffered(desk.Ticket, desk.Policy, ManagerAlertActions).ShouldBeEmpty();
        TicketCopies.StillOffered(desk.Ticket, desk.Policy, [TicketActions.Reopen]).ShouldBe([TicketActions.Reopen]);
    }

    [Fact]
    public void StillOffered_AtTheLastTier_NoEscalate()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Escalate(People.Maria, toTier: desk.Policy.MaxTier);

        TicketCopies.StillOffered(desk.Ticket, desk.Policy, ManagerAlertActions).ShouldBe([TicketActions.TakeOver, TicketActions.Reassign]);
    }

    [Fact]
    public void StillOffered_OpenBelowTheLastTier_KeepsItsButtonsInOrder() 
    {
        var desk = new Desk();
        desk.Raise();

        TicketCopies.StillOffered(desk.Ticket, desk.Policy, ManagerAlertActions).ShouldBe(ManagerAlertActions);
    }

    [Fact]
    public void StillOffered_PageAcknowledged_NoAcknowledgeAndNoAccept()
    {
        var desk = Desk.PagingCarol();
        TicketCopies.StillOffered(desk.Ticket, desk.Policy, [TicketActions.AckPage, TicketActions.Accept]).ShouldBe([TicketActions.AckPage, TicketActions.Accept]);

        desk.Do(new AcknowledgePage(People.Carol));

        TicketCopies.StillOffered(desk.Ticket, desk.Policy, [TicketActions.AckPage, TicketActions.Accept]).ShouldBeEmpty();
    }

    [Fact]
    public void Addressed_ManagerAlert_EveryManager()
    {
        var desk = new Desk();
        desk.Raise();

        TicketCopies.Addressed(desk.Ticket, Audience.Managers, NotificationKind.Alert, desk.Policy).Select(p => p.Key)
            .ShouldBe(desk.Policy.Managers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Addressed_WhilePaging_OnCallAlertAndTheQueueCardNameThePagedPerson()
    {
        var desk = Desk.PagingCarol();

        TicketCopies.Addressed(desk.Ticket, Audience.OnCall, NotificationKind.Alert, desk.Policy).ShouldBe([People.Carol]);
        TicketCopies.Addressed(desk.Ticket, Audience.Queue(desk.Ticket.Tier), NotificationKind.Card, desk.Policy).ShouldBe([People.Carol]);
        TicketCopies.AddressesQueue(desk.Ticket, desk.Ticket.Tier).ShouldBeFalse(); // the paged person, not the whole group
    }

    [Fact]
    public void Addressed_QueueCard_TheOwnerOnceAccepted_TheGroupBefore()
    {
        var desk = new Desk();
        desk.Raise();
        TicketCopies.Addressed(desk.Ticket, Audience.Queue(1), NotificationKind.Card, desk.Policy).ShouldBeEmpty();
        TicketCopies.AddressesQueue(desk.Ticket, 1).ShouldBeTrue();

        desk.Accept();

        TicketCopies.Addressed(desk.Ticket, Audience.Queue(1), NotificationKind.Card, desk.Policy).ShouldBe([People.Alice]);
        TicketCopies.AddressesQueue(desk.Ticket, 1).ShouldBeFalse();
    }

    [Fact]
    public void Addressed_EarlierQueueThreadsAndDirectMessages_Nobody()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        desk.Escalate(People.Alice);
        desk.Accept(People.Carol);

        TicketCopies.Addressed(desk.Ticket, Audience.Queue(1), NotificationKind.Card, desk.Policy).ShouldBeEmpty();
        TicketCopies.Addressed(desk.Ticket, Audience.Queue(2), NotificationKind.ThreadUpdate, desk.Policy).ShouldBeEmpty();
        TicketCopies.Addressed(desk.Ticket, Audience.To(People.Uma), NotificationKind.Direct, desk.Policy).ShouldBeEmpty();
        TicketCopies.AddressesQueue(desk.Ticket, 1).ShouldBeFalse();
    }

}
