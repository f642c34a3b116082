using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Who is told what: the reporter at every handoff, never the actor about their own action, cards in the right queue.</summary>
public class NotificationTests
{
    [Fact]
    public void Accept_ReporterToldWhoOwnsItAndWhatHappensNext()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);

        var text = desk.Accept(People.Alice).DirectTo(People.Uma).Text;

        text.ShouldContain("Alice (Tier 1) now owns your ticket");
        text.ShouldContain("Next:");
        text.ShouldContain("resolution target in 8 business hours");
    }

    [Fact]
    public void Escalate_ReporterToldNobodyOwnsItYetAndWhatTheNextTierLooksAt()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);

        var text = desk.Escalate(People.Alice).DirectTo(People.Uma).Text;

        text.ShouldContain("handed from Tier 1 – Service Desk to Tier 2 – Desktop & Apps");
        text.ShouldContain("Nobody there owns it yet");
        text.ShouldContain("response target 30 business minutes");
        text.ShouldContain(Handoffs.Good.Needs);
    }

    [Fact]
    public void ReassignToTier_ReporterToldWhereItIsAndWhatHappensNext()
    {
        var desk = new Desk();
        desk.Raise();

        var text = desk.Do(new ReassignTicket(People.Maria, "Needs infrastructure", ToTier: 3)).DirectTo(People.Uma).Text;

        text.ShouldContain("moved to Tier 3 – Infrastructure");
        text.ShouldContain("next free technician");
    }

    [Fact]
    public void ReassignToPerson_ReporterToldTheNewOwner()
    {
        var desk = new Desk();
        desk.Raise();

        desk.Do(new ReassignTicket(People.Maria, "Carol knows it", ToOwner: People.Carol)).DirectTo(People.Uma).Text
            .ShouldContain("Carol (Tier 2) now owns your ticket");
    }

    [Fact]
    public void Resolve_ReporterToldWhoResolvedItAndHowToReopen()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var dm = desk.Do(new ResolveTicket(People.Alice, "Cleared the print spooler")).DirectTo(People.Uma);

        dm.Text.ShouldContain("resolved by Alice");
        dm.Actions.ShouldContain(TicketActions.Reopen);
    }

    [Fact]
    public void AutoEscalation_ReporterToldToo()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);

        var d = desk.TickAt(At.Utc(2026, 1, 5, 13));

        d.DirectTo(People.Uma).Text.ShouldContain("handed from Tier 1 – Service Desk to Tier 2 – Desktop & Apps");
    }

    [Fact]
    public void EveryCommand_ActorNeverDirectMessagedAboutOwnAction()
    {
        // The reporter is also a member of Tier 1 here, so every command they run would otherwise DM them.
        var policy = TestPolicy.With(o => o.Tiers[0].Members.Add("uma@demo.local"));
        var desk = new Desk(policy);
        var decisions = new List<Decision> { desk.Raise() };
        decisions.Add(desk.Accept(People.Uma));
        decisions.Add(desk.Do(new AddNote(People.Uma, "Tried a reboot")));
        decisions.Add(desk.Do(new WaitOnUser(People.Uma, "Asking myself")));
        decisions.Add(desk.Do(new ResumeTicket(People.Uma)));
        decisions.Add(desk.Do(new EscalateToManager(People.Uma, "Needs a decision")));
        decisions.Add(desk.Do(new ResolveTicket(People.Uma, "Rebooted the printer")));
        decisions.Add(desk.Do(new ReopenTicket(People.Uma, "Jams again")));
        decisions.Add(desk.Accept(People.Uma));
        decisions.Add(desk.Escalate(People.Uma));
        decisions.Add(desk.Do(new CancelTicket(People.Uma, "Bought a new one")));

        decisions.SelectMany(d => d.DirectsTo(People.Uma)).ShouldBeEmpty();
    }

    [Fact]
    public void TakeOver_ManagerNotDirectMessagedAsNewOwner()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        desk.Do(new ReassignTicket(People.Maria, "I'll handle this", ToOwner: People.Maria)).DirectsTo(People.Maria).ShouldBeEmpty();
    }

    [Fact]
    public void Escalate_CardUpsertedInOldAndNewTierQueues()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        desk.Escalate(People.Alice).CardTiers().ShouldBe([1, 2]);
    }

    [Fact]
    public void AcceptAtTier3_CardUpsertedOnlyInTier3Queue()
    {
        var desk = new Desk();
        desk.Raise("Database replication lag");

        var d = desk.Accept(People.Erin);

        d.CardTiers().ShouldBe([3]);
        d.Notifications.Where(n => n.Kind == NotificationKind.ThreadUpdate).ShouldAllBe(n => n.To == Audience.Queue(3));
    }
}
