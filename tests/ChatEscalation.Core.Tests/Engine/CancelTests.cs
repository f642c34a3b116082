using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class CancelTests
{
    [Theory]
    [InlineData("uma@demo.local")]
    [InlineData("maria@demo.local")]
    public void Cancel_ReporterOrManager_CancelledWithNoPendingDeadlines(string who)
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);

        var d = desk.Do(new CancelTicket(desk.Policy.Person(who), "Works after a reboot"));

        d.Ticket.Status.ShouldBe(TicketStatus.Cancelled);
        d.Ticket.ClosedAt.ShouldBe(desk.Now);
        d.Deadlines.ShouldBeEmpty();
        d.DirectTo(People.Alice).Text.ShouldContain("Works after a reboot");
    }

    [Theory]
    [InlineData("alice@demo.local")]
    [InlineData("lena@demo.local")]
    [InlineData("slack:U0STRANGER")]
    public void Cancel_AnybodyElse_Refused(string who)
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        desk.Refuse(new CancelTicket(desk.Policy.Person(who))).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void Cancel_Twice_SecondRefused()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Do(new CancelTicket(People.Uma));

        desk.Refuse(new CancelTicket(People.Uma)).Code.ShouldBe(RefusalCode.InvalidState);
    }
}
