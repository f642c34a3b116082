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

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).Actions.ShouldBe([TicketActions.Accept, TicketActions.Escalate, TicketActions.EscalateManager, TicketActions.Link]);
    }
}
