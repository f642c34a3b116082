using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;

namespace ChatEscalation.Core.Tests.Engine;

public class EscalateToManagerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("no")]
    public void EscalateToManager_NoReason_RefusedNamingTheReason(string reason)
    {
        var desk = new Desk();
        desk.Raise();

        var r = desk.Refuse(new EscalateToManager(People.Uma, reason));

        r.Code.ShouldBe(RefusalCode.InvalidInput);
        r.Field.ShouldBe("reason");
    }

    [Fact]
    public void EscalateToManager_ByReporter_ManagersAlertedWithButtonsAndReporterNotDirectMessaged()
    {
        var desk = new Desk();
        desk.Raise();

        var d = desk.Do(new EscalateToManager(People.Uma, "Nobody has called me back"));

        d.Single(EventKind.ManagerEscalated).Note.ShouldBe("Nobody has called me back");
        d.Ticket.ManagerEngaged.ShouldBeTrue();
        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Kind.ShouldBe(NotificationKind.Alert);
        alert.Text.ShouldContain("Nobody has called me back");
        alert.Text.ShouldContain("owner: nobody yet");
        alert.Actions.ShouldContain(TicketActions.TakeOver);
        d.DirectsTo(People.Uma).ShouldBeEmpty();
    }

    [Fact]
    public void EscalateToManager_ByTechnician_ReporterToldAManagerLooks()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var d = desk.Do(new EscalateToManager(People.Alice, "User is blocked from payroll run"));

        d.DirectTo(People.Uma).Text.ShouldContain("a manager has been asked");
        d.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldContain("owner: Alice (Tier 1)");
    }

    [Fact]
    public void EscalateToManager_Stranger_Refused()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Refuse(new EscalateToManager(People.Stranger, "I want a manager")).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void EscalateToManager_P1_AlertIsUrgent()
    {
        var desk = new Desk();
        desk.RaiseP(Tickets.Priority.P1);

        desk.Do(new EscalateToManager(People.Uma, "Whole floor is down")).ManagerAlerts().ShouldHaveSingleItem().Urgent.ShouldBeTrue();
    }
}
