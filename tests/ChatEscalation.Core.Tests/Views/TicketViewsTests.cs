using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

public class TicketViewsTests
{
    [Fact]
    public void Card_InTheCurrentTiersQueue_OffersTheButtons()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        desk.Escalate(People.Alice);

        var card = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now, shownInQueue: 2);

        card.Actions.ShouldContain(TicketActions.Accept);
        card.StatusText.ShouldNotStartWith("Moved to");
    }

    [Fact]
    public void Card_LeftBehindInAnEarlierTiersQueue_SaysWhereItWentAndHasNoButtons()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        desk.Escalate(People.Alice);

        var card = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now, shownInQueue: 1);

        card.Actions.ShouldBeEmpty();
        card.StatusText.ShouldStartWith($"Moved to {desk.Policy.TierName(2)}");
    }

    [Fact]
    public void Card_WithoutAQueue_IsTheCurrentTiersView()
    {
        var desk = new Desk();
        desk.Raise();

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).Actions.ShouldBe([TicketActions.Accept, TicketActions.Escalate, TicketActions.EscalateManager]);
    }

    [Fact]
    public void Card_EarlierTiersQueueAfterTheLastTierResolved_SaysHowItEndedAndHasNoButtons()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        desk.Escalate(People.Alice);
        desk.Accept(People.Carol);
        desk.Do(new ResolveTicket(People.Carol, "Replaced the VPN profile"));

        var card = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now, shownInQueue: 1);

        card.Actions.ShouldBeEmpty(); // not Reopen: that is the current tier's (and the reporter's) to offer
        card.StatusText.ShouldBe($"At {desk.Policy.TierName(2)}: Resolved by {People.Carol.Name}");
    }

    [Fact]
    public void Card_AtTheLastTier_OffersNoEscalate()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Escalate(People.Maria, toTier: desk.Policy.MaxTier);

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).Actions.ShouldBe([TicketActions.Accept, TicketActions.EscalateManager]);
    }

    [Fact]
    public void ActionsFor_TheReporter_AlsoTheirNoteAndCancel()
    {
        var desk = new Desk();
        desk.Raise();

        TicketViews.ActionsFor(desk.Ticket, desk.Policy, People.Uma).ShouldBe([TicketActions.EscalateManager, TicketActions.Note, TicketActions.Cancel]);
        TicketViews.ActionsFor(desk.Ticket, desk.Policy, People.Alice).ShouldBe([TicketActions.Accept, TicketActions.EscalateManager]);
    }
}
