using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

/// <summary>What a card says in words: human durations, never a negative one, no label twice.</summary>
public class TicketViewsTextTests
{
    [Fact]
    public void Card_NewP3_SaysFiveBusinessDaysLeftNotFiftyBusinessHours()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P3);
        desk.Advance(TimeSpan.FromSeconds(1));

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).SlaText.ShouldBe("5 business days left");
    }

    [Fact]
    public void Card_P1OnTheAlwaysOpenCalendar_SaysWallClockTime()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1);
        desk.Advance(TimeSpan.FromMinutes(90));

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).SlaText.ShouldBe("2 h 30 min left");
    }

    [Fact]
    public void Card_Breached_SaysByHowMuchWithoutASign()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1);
        desk.Advance(TimeSpan.FromHours(5));

        var card = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now);

        card.SlaState.ShouldBe(SlaState.Breached);
        card.SlaText.ShouldBe("Breached: over by 1 h");
    }

    [Fact]
    public void Card_BreachedExactlyNow_NeverOverByZero()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1);
        desk.Advance(TimeSpan.FromHours(4));

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).SlaText.ShouldBe("Breached");
    }

    /// <summary>The restart bug: the clock came back behind the breach the sweep had recorded, and the card said "8 h left" beside "Breached".</summary>
    [Fact]
    public void Card_BreachRecordedButTheClockIsBehind_StillBreachedNeverTimeLeft()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.TickAt(At.Utc(2026, 1, 5, 17)); // 8 business hours: breached
        desk.Ticket.HasMark(Marks.Breached).ShouldBeTrue();

        var card = TicketViews.Card(desk.Ticket, desk.Policy, At.MondayNine);

        card.SlaState.ShouldBe(SlaState.Breached);
        card.SlaText.ShouldBe("Breached");
    }

    [Fact]
    public void Card_VipPayrollTicket_NoLabelTwice()
    {
        var desk = new Desk();
        desk.Raise("Payroll export fails", reporter: People.Victor, category: "Payroll", service: "Payroll");

        var card = TicketViews.Card(desk.Ticket, desk.Policy, desk.Now);

        desk.Ticket.RoutingReason.ShouldStartWith("P2: ");
        card.RoutingReason.ShouldBe("VIP reporter (raised from P3), Payroll is a critical service");
        card.Category.ShouldBe("Payroll");
        card.AffectedService.ShouldBeNull();
    }

    [Fact]
    public void Card_ServiceOtherThanTheCategory_Kept()
    {
        var desk = new Desk();
        desk.Raise("Cannot post invoices", category: "General", service: "ERP");

        TicketViews.Card(desk.Ticket, desk.Policy, desk.Now).AffectedService.ShouldBe("ERP");
    }
}
