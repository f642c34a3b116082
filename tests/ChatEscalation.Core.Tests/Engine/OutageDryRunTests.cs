using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>The dry run of "50 reports in 20 minutes": the same engine code, the clock moved from report to report.</summary>
public class OutageDryRunTests
{
    private static readonly RaiseTicket Report = new(People.Uma, "local", "VPN drops every 10 minutes");

    [Fact]
    public void Simulate_FiftyReportsInTwentyMinutes_OneTicketMajorIncidentAtTheTenthPerson()
    {
        var policy = TestPolicy.Default();
        var start = At.MondayNine;

        var timeline = OutageDryRun.Simulate(Report, 50, TimeSpan.FromMinutes(20), start, policy, horizon: TimeSpan.FromHours(1));

        timeline.Count(e => e.What.Contains("linked to INC-000001 (no card of its own)", StringComparison.Ordinal)).ShouldBe(49);
        timeline.ShouldNotContain(e => e.What.Contains("as its own ticket", StringComparison.Ordinal));
        var major = timeline.Where(e => e.Event == EventKind.MajorIncident).ShouldHaveSingleItem();
        // The tenth person is report 10, at 9 × 20/49 minutes: 3 min 40 s after the first.
        major.At.ShouldBe(start + TimeSpan.FromMinutes(20) * 9 / 49);
        major.What.ShouldBe("Major incident: P1: 10 people affected in 3 min (raised from P3).");
        timeline.Where(e => e.To?.Kind == AudienceKind.ManagerChannel).ShouldHaveSingleItem().What.ShouldStartWith("Major incident: INC-000001");
        // One broadcast line for the 9 people before the tenth (the tenth set it off).
        timeline.ShouldContain(e => e.What == "INC-000001 update: 10 people have reported this problem; it is now handled as a major incident (P1). (to 9 people)");
        // P1 now: nobody accepts within its 15 min response target, so the queue is reminded.
        timeline.ShouldContain(e => e.Event == EventKind.QueueReminded);
    }

    [Fact]
    public void Simulate_ThreeReportsBelowTheThreshold_NoMajorIncident()
    {
        var timeline = OutageDryRun.Simulate(Report, 3, TimeSpan.FromMinutes(20), At.MondayNine, TestPolicy.Default(), horizon: TimeSpan.FromHours(1));

        timeline.Count(e => e.What.Contains("(no card of its own)", StringComparison.Ordinal)).ShouldBe(2);
        timeline.ShouldNotContain(e => e.Event == EventKind.MajorIncident);
    }
}
