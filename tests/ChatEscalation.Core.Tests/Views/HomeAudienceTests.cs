using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

public class HomeAudienceTests
{
    [Fact]
    public void Concerned_Accepted_ReporterOwnerAndTheTiersTechnicians()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var keys = HomeAudience.Concerned(new HomeChange(TicketStatus.Queued, 1, null, desk.Ticket), desk.Policy, desk.Now);

        keys.ShouldBe(["uma@demo.local", "alice@demo.local", "bob@demo.local", "lena@demo.local"], ignoreOrder: true);
    }

    [Fact]
    public void Concerned_NoteOnAnAcceptedTicket_ReporterAndOwnerOnly()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var keys = HomeAudience.Concerned(new HomeChange(TicketStatus.Accepted, 1, "alice@demo.local", desk.Ticket), desk.Policy, desk.Now);

        keys.ShouldBe(["uma@demo.local", "alice@demo.local"], ignoreOrder: true);
    }

    [Fact]
    public void Concerned_Breached_ManagersToo()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1, "Whole office offline");
        desk.Accept(People.Alice);
        desk.Advance(TimeSpan.FromDays(3));
        desk.Tick();

        var keys = HomeAudience.Concerned(new HomeChange(TicketStatus.Accepted, desk.Ticket.Tier, "alice@demo.local", desk.Ticket), desk.Policy, desk.Now);

        keys.ShouldContain("maria@demo.local");
    }

    [Fact]
    public void Concerned_EscalatedFromTheQueue_BothTiersTechnicians()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Escalate(People.Lena);

        var keys = HomeAudience.Concerned(new HomeChange(TicketStatus.Queued, 1, null, desk.Ticket), desk.Policy, desk.Now);

        keys.ShouldContain("alice@demo.local");
        keys.ShouldContain("carol@demo.local");
        keys.ShouldContain("mike@demo.local");
    }
}
