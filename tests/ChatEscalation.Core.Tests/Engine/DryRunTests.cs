using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class DryRunTests
{
    private static readonly DateTimeOffset SaturdayTwoAm = At.Utc(2026, 1, 10, 2);

    /// <summary>A P2 by the matrix (high impact, medium urgency), raised by the VIP: P1.</summary>
    private static RaiseTicket VipReport() => new(People.Victor, "local", "Laptop will not boot", Impact: Impact.High, Urgency: Urgency.Medium);

    [Fact]
    public void Simulate_VipP1SaturdayTwoAm_SameEventsAsDrivingTickMinuteByMinute()
    {
        var policy = TestPolicy.Default();
        var timeline = DryRun.Simulate(VipReport(), SaturdayTwoAm, policy);
        var end = timeline[^1].At;

        var desk = new Desk(policy, SaturdayTwoAm);
        var raised = EscalationEngine.Raise(VipReport(), 1, policy, SaturdayTwoAm).Decision!;
        var byHand = new List<TicketEvent>(raised.Events);
        var ticket = raised.Ticket;
        while (desk.Now < end)
        {
            desk.Advance(TimeSpan.FromMinutes(1));
            var d = EscalationEngine.Tick(ticket, policy, desk.Now);
            byHand.AddRange(d.Events);
            ticket = d.Ticket;
        }

        var simulated = timeline.Where(e => e.Event is not null).Select(e => (e.At, e.Event!.Value, e.What)).ToList();
        simulated.ShouldBe(byHand.Select(e => (e.At, e.Kind, e.Text)).ToList());
    }

    [Fact]
    public void Simulate_VipP1SaturdayTwoAm_PagesWarningsAndBreachAtTheExpectedMinutes()
    {
        // P1 after hours: Tier 1 paged at raise; every 30 min the trigger moves it up a tier (T2 at 30, T3 at 60, T4 at 90);
        // SLA 4 h on 24x7: warning at 180 min, manager at 216 min, breach at 240 min.
        var timeline = DryRun.Simulate(VipReport(), SaturdayTwoAm, TestPolicy.Default());

        int[] Minutes(EventKind kind) => timeline.Where(e => e.Event == kind).Select(e => (int)e.SinceRaised.TotalMinutes).ToArray();
        Minutes(EventKind.Raised).ShouldBe([0]);
        Minutes(EventKind.AutoEscalated).ShouldBe([30, 60, 90]);
        Minutes(EventKind.SlaWarned).ShouldBe([180]);
        Minutes(EventKind.ManagerPinged).ShouldContain(216);
        Minutes(EventKind.SlaBreached).ShouldBe([240]);
        Minutes(EventKind.Paged).Take(5).ShouldBe([0, 10, 20, 30, 40]);
        timeline[0].What.ShouldContain("P1: VIP reporter (raised from P2)");
        timeline.ShouldContain(e => e.To != null && e.To.Person != null && e.To.Person.Key == "alice@demo.local" && e.SinceRaised == TimeSpan.Zero);
    }

    [Fact]
    public void Simulate_RefusedRaise_SingleLineWithTheReason()
    {
        var timeline = DryRun.Simulate(new RaiseTicket(People.Uma, "local", "x"), SaturdayTwoAm, TestPolicy.Default());

        timeline.ShouldHaveSingleItem().Event.ShouldBeNull();
    }
}
