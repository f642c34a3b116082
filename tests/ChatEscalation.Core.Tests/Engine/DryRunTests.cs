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
        // P1 after hours: Tier 1's only layer paged at raise, 10 and 20 min; at 30 the managers, and with Tier 1's ladder exhausted
        // the overdue 30-min trigger moves it to Tier 2 (its primary paged at 30, 40, 50, secondary at 60, 70, 80, managers at 90,
        // then Tier 3 at 90 and Tier 4 at 150 once Tier 3's ladder is exhausted);
        // SLA 4 h on 24x7: warning at 180 min, manager at 216 min, breach at 240 min.
        var timeline = DryRun.Simulate(VipReport(), SaturdayTwoAm, TestPolicy.Default());

        int[] Minutes(EventKind kind) => timeline.Where(e => e.Event == kind).Select(e => (int)e.SinceRaised.TotalMinutes).ToArray();
        Minutes(EventKind.Raised).ShouldBe([0]);
        Minutes(EventKind.AutoEscalated).ShouldBe([30, 90, 150]);
        Minutes(EventKind.SlaWarned).ShouldBe([180]);
        Minutes(EventKind.ManagerPinged).ShouldContain(216);
        Minutes(EventKind.SlaBreached).ShouldBe([240]);
        Minutes(EventKind.Paged).Take(6).ShouldBe([0, 10, 20, 30, 30, 40]); // managers and Tier 2's primary both at 30
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
