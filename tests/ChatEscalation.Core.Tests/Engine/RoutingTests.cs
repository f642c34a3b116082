using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class RoutingTests
{
    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.P1)]
    [InlineData(Impact.High, Urgency.Medium, Priority.P2)]
    [InlineData(Impact.High, Urgency.Low, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.High, Priority.P2)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Low, Priority.P4)]
    [InlineData(Impact.Low, Urgency.High, Priority.P3)]
    [InlineData(Impact.Low, Urgency.Medium, Priority.P4)]
    [InlineData(Impact.Low, Urgency.Low, Priority.P4)]
    public void Decide_ImpactTimesUrgency_MatrixPriority(Impact impact, Urgency urgency, Priority expected)
    {
        var route = Routing.Decide(new RaiseTicket(People.Uma, "local", "Printer jams", Impact: impact, Urgency: urgency), TestPolicy.Default());

        route.Priority.ShouldBe(expected);
        route.Reason.ShouldBe($"{expected}: {impact.ToString().ToLowerInvariant()} impact, {urgency.ToString().ToLowerInvariant()} urgency");
    }

    [Fact]
    public void Decide_NoImpactOrUrgency_MediumMediumIsP3()
    {
        Routing.Decide(new RaiseTicket(People.Uma, "local", "Printer jams"), TestPolicy.Default()).Priority.ShouldBe(Priority.P3);
    }

    [Theory]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.P2, "P2: VIP reporter (raised from P3)")]
    [InlineData(Impact.Low, Urgency.Low, Priority.P3, "P3: VIP reporter (raised from P4)")]
    [InlineData(Impact.High, Urgency.Medium, Priority.P1, "P1: VIP reporter (raised from P2)")]
    [InlineData(Impact.High, Urgency.High, Priority.P1, "P1: VIP reporter")]
    public void Decide_VipReporter_RaisedByOneNeverAboveP1(Impact impact, Urgency urgency, Priority expected, string reason)
    {
        var route = Routing.Decide(new RaiseTicket(People.Victor, "local", "Printer jams", Impact: impact, Urgency: urgency), TestPolicy.Default());

        route.IsVip.ShouldBeTrue();
        route.Priority.ShouldBe(expected);
        route.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Decide_VipMatchedIgnoringCase()
    {
        Routing.Decide(new RaiseTicket(new UserRef("Victor@Demo.Local", "Victor"), "local", "Printer jams"), TestPolicy.Default()).IsVip.ShouldBeTrue();
    }

    [Fact]
    public void Decide_CriticalServiceByKeyword_MinimumPriorityAndHigherTier()
    {
        var route = Routing.Decide(new RaiseTicket(People.Uma, "local", "My payslip is missing", Impact: Impact.Low, Urgency: Urgency.Low), TestPolicy.Default());

        route.Priority.ShouldBe(Priority.P2);
        route.Tier.ShouldBe(2);
        route.CriticalService!.Name.ShouldBe("Payroll");
        route.Reason.ShouldBe("P2: Payroll is a critical service");
    }

    [Fact]
    public void Decide_CriticalServiceNamed_NeverLowersAHigherPriority()
    {
        var route = Routing.Decide(new RaiseTicket(People.Uma, "local", "Cannot post invoices", Impact: Impact.High, Urgency: Urgency.High, AffectedService: "erp"), TestPolicy.Default());

        route.Priority.ShouldBe(Priority.P1);
        route.Tier.ShouldBe(1); // ERP has no OpenAtTier
        route.Reason.ShouldBe("P1: ERP is a critical service");
    }

    [Fact]
    public void Decide_VipAndCriticalService_ReasonNamesBoth()
    {
        var route = Routing.Decide(new RaiseTicket(People.Victor, "local", "Payroll run is stuck"), TestPolicy.Default());

        route.Priority.ShouldBe(Priority.P2);
        route.Tier.ShouldBe(2);
        route.Reason.ShouldBe("P2: VIP reporter (raised from P3), Payroll is a critical service");
    }

    [Fact]
    public void Raise_VipAndCriticalService_ManagersGetOneAlertAndTheCardShowsTheReason()
    {
        var d = new Desk().Raise("Payroll run is stuck", reporter: People.Victor);

        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Text.ShouldContain("Victor (CFO, VIP) is a VIP");
        alert.Text.ShouldContain("Payroll is a critical service");
        d.Ticket.RoutingReason.ShouldBe("P2: VIP reporter (raised from P3), Payroll is a critical service");
        d.Ticket.IsVip.ShouldBeTrue();
        d.Ticket.IsCriticalService.ShouldBeTrue();
        d.Ticket.AffectedService.ShouldBe("Payroll");
        d.CardTiers().ShouldBe([2]);
    }

    [Fact]
    public void Raise_OrdinaryTicket_NoManagerAlert()
    {
        new Desk().Raise("Printer jams").ManagerAlerts().ShouldBeEmpty();
    }

    [Fact]
    public void Raise_VipWithOpenAtTier_OpensAtThatTier()
    {
        var policy = TestPolicy.With(o => o.Vips.OpenAtTier = 2);

        new Desk(policy).Raise("Printer jams", reporter: People.Victor).Ticket.Tier.ShouldBe(2);
    }

    [Fact]
    public void Raise_TermsSnapshottedFromPriority()
    {
        var desk = new Desk();

        var d = desk.Raise("Payroll run is stuck", reporter: People.Victor);

        d.Ticket.Terms.ShouldBe(desk.Policy.Terms[Priority.P2]);
    }
}
