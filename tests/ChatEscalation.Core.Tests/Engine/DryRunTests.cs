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
        // P1 after hours: Tier 1's only layer paged at raise, 10 and 20 min; the managers at 30, 40, 50. Paging a person pauses the
        // 30-min trigger, so it runs from 30 and moves the ticket to Tier 2 at 60 (its primary paged at 60, 70, 80, secondary at
        // 90, 100, 110, managers at 120), then to Tier 3 at 150 (primary 150-170, secondary 180-200, managers 210). Tier 3 is the
        // top internal tier: at 240 the trigger tells the managers instead of moving it to the vendors.
        // SLA 4 h on 24x7: warning at 180 min, manager at 216 min, breach at 240 min.
        var timeline = DryRun.Simulate(VipReport(), SaturdayTwoAm, TestPolicy.Default());

        int[] Minutes(EventKind kind) => timeline.Where(e => e.Event == kind).Select(e => (int)e.SinceRaised.TotalMinutes).ToArray();
        Minutes(EventKind.Raised).ShouldBe([0]);
        Minutes(EventKind.AutoEscalated).ShouldBe([60, 150]);
        Minutes(EventKind.SlaWarned).ShouldBe([180]);
        Minutes(EventKind.ManagerPinged).ShouldBe([216]);
        Minutes(EventKind.TopTierTimedOut).ShouldBe([240]);
        Minutes(EventKind.SlaBreached).ShouldBe([240]);
        Minutes(EventKind.Paged).Take(8).ShouldBe([0, 10, 20, 30, 40, 50, 60, 70]);
        timeline.Where(e => e.Event is not null).ShouldAllBe(e => !e.What.Contains("Late by"));
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
