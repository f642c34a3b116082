using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class EscalateTests
{
    private static Desk AcceptedP3()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P3);
        desk.Accept(People.Alice);
        return desk;
    }

    [Theory]
    [InlineData("alice@demo.local")] // owner
    [InlineData("lena@demo.local")]  // Tier 1 lead
    [InlineData("maria@demo.local")] // manager
    public void Escalate_OwnerLeadOrManager_QueuedAtNextTierWithHandoffNote(string who)
    {
        var desk = AcceptedP3();

        var d = desk.Escalate(desk.Policy.Person(who));

        d.Ticket.Tier.ShouldBe(2);
        d.Ticket.Status.ShouldBe(TicketStatus.Queued);
        d.Ticket.Owner.ShouldBeNull();
        d.Ticket.LastHandoff.ShouldBe(Handoffs.Good);
        d.Ticket.EscalationCount.ShouldBe(1);
        var e = d.Single(EventKind.Escalated);
        e.FromTier.ShouldBe(1);
        e.Tier.ShouldBe(2);
        e.Handoff.ShouldBe(Handoffs.Good);
    }

    [Theory]
    [InlineData("bob@demo.local")]   // same tier, not the owner
    [InlineData("carol@demo.local")] // next tier
    [InlineData("uma@demo.local")]   // the reporter
    public void Escalate_AnybodyElse_RefusedNamingWhoMay(string who)
    {
        var desk = AcceptedP3();

        var r = desk.Refuse(new EscalateTicket(desk.Policy.Person(who), Handoffs.Good));

        r.Code.ShouldBe(RefusalCode.NotAllowed);
        r.Reason.ShouldContain("Only the owner (Alice (Tier 1))");
    }

    [Fact]
    public void Escalate_TechnicianOnUnownedTicket_RefusedAskingToAcceptFirst()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P3);

        desk.Refuse(new EscalateTicket(People.Alice, Handoffs.Good)).Reason.ShouldContain("accept it first");
    }

    [Theory]
    [InlineData("", "Still drops", "Logs", "tried", "tried")]
    [InlineData("Restarted", "", "Logs", "outcome", "outcome")]
    [InlineData("Restarted", "Still drops", " ", "needs", "needs")]
    [InlineData("ab", "no", "", "tried", "tried, outcome, needs")]
    [InlineData("", "", "Logs", "tried", "tried, outcome")]
    public void Escalate_HandoffNoteIncomplete_RefusedNamingEachMissingPart(string tried, string outcome, string needs, string field, string missing)
    {
        var desk = AcceptedP3();

        var r = desk.Refuse(new EscalateTicket(People.Alice, new HandoffNote(tried, outcome, needs)));

        r.Code.ShouldBe(RefusalCode.InvalidInput);
        r.Field.ShouldBe(field);
        r.Reason.ShouldContain($"(missing: {missing})");
    }

    [Fact]
    public void Escalate_AtLastTier_RefusedPointingToManagerEscalation()
    {
        var desk = AcceptedP3();
        desk.Do(new ReassignTicket(People.Maria, "Vendor issue", ToTier: 4, ToOwner: People.Gina));

        var r = desk.Refuse(new EscalateTicket(People.Gina, Handoffs.Good));

        r.Code.ShouldBe(RefusalCode.InvalidState);
        r.Reason.ShouldContain("the last tier");
        r.Reason.ShouldContain("escalate to manager");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Escalate_TargetNotAboveOrBeyondLastTier_Refused(int toTier)
    {
        var desk = AcceptedP3();

        desk.Refuse(new EscalateTicket(People.Alice, Handoffs.Good, toTier)).Field.ShouldBe("tier");
    }

    [Fact]
    public void Escalate_SkipTierAsP3Technician_RefusedByTierDiscipline()
    {
        var desk = AcceptedP3();

        var r = desk.Refuse(new EscalateTicket(People.Alice, Handoffs.Good, ToTier: 3));

        r.Code.ShouldBe(RefusalCode.NotAllowed);
        r.Reason.ShouldContain("Tier discipline");
        r.Reason.ShouldContain("Tier 2 – Desktop & Apps first");
    }

    [Fact]
    public void Escalate_SkipTierOnP1_AllowedForTechnician()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1);
        desk.Accept(People.Alice);

        var d = desk.Escalate(People.Alice, toTier: 3);

        d.Ticket.Tier.ShouldBe(3);
        d.Single(EventKind.Escalated).FromTier.ShouldBe(1);
    }

    /// <summary>Tier 4 is the vendors': going there is a decision of Tier 3 (the top internal tier) or a manager, even on a P1 that may skip tiers.</summary>
    [Fact]
    public void Escalate_IntoTheVendorTierFromTier1OnP1_RefusedNamingWhoDecides()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P1);
        desk.Accept(People.Alice);

        var r = desk.Refuse(new EscalateTicket(People.Alice, Handoffs.Good, ToTier: 4));

        r.Code.ShouldBe(RefusalCode.NotAllowed);
        r.Field.ShouldBe("tier");
        r.Reason.ShouldContain("a decision for Tier 3 – Infrastructure or a manager");
    }

    [Fact]
    public void Escalate_IntoTheVendorTierByATier3Owner_Allowed()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P2);
        desk.Do(new ReassignTicket(People.Maria, "Storage array fault", ToOwner: People.Erin));

        desk.Escalate(People.Erin).Ticket.Tier.ShouldBe(4);
    }

    [Fact]
    public void Escalate_SkipTierByManager_AllowedForP3()
    {
        var desk = AcceptedP3();

        desk.Escalate(People.Maria, toTier: 4).Ticket.Tier.ShouldBe(4);
    }

    [Fact]
    public void Escalate_BackToATierReachedBefore_MarkedAsRepeat()
    {
        var desk = AcceptedP3();
        desk.Escalate(People.Alice);
        desk.Do(new ReassignTicket(People.Maria, "Wrong tier", ToTier: 1));
        desk.Accept(People.Bob);

        var d = desk.Escalate(People.Bob);

        d.Single(EventKind.Escalated).Note.ShouldBe("repeat");
    }

    [Fact]
    public void Escalate_Success_RestartsTierClocksAndKeepsSlaClock()
    {
        var desk = AcceptedP3();
        var raisedAt = desk.Now;
        desk.Advance(TimeSpan.FromHours(2));

        var d = desk.Escalate(People.Alice);

        d.Ticket.TierEnteredAt.ShouldBe(desk.Now);
        d.Ticket.QueuedSince.ShouldBe(desk.Now);
        d.Ticket.TierClock.StartedAt.ShouldBe(desk.Now);
        d.Ticket.Sla.StartedAt.ShouldBe(raisedAt);
    }
}
