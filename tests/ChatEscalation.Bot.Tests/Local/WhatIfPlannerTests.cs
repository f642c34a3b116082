using ChatEscalation.Bot.Local;
using ChatEscalation.Core.WhatIf;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Local;

public sealed class WhatIfPlannerTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 11, 10, 0, 0, TimeSpan.Zero);

    private static WhatIfRequest Ask(Priority priority, string reporter) =>
        new("Laptop will not boot", null, priority, null, null, reporter, DayOfWeek.Saturday, new TimeOnly(2, 0));

    [Fact]
    public void Plan_P2FromAVip_SimulatedAsTheP1ItBecomesAndSaysSo()
    {
        var result = WhatIfPlanner.Plan(Ask(Priority.P2, "victor@demo.local"), LocalFixtures.Policy, Wednesday);

        result.Priority.ShouldBe(Priority.P1);
        result.Note.ShouldBe("A P2 from Victor (CFO, VIP) is simulated as the P1 it becomes: VIP reporter (raised from P2).");
        result.Lines[0].Entry.What.ShouldContain("P1: VIP reporter (raised from P2)");
        result.RaisedAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 2, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Plan_P1FromAVipSaturdayTwoAm_NoNoteAndNothingLate()
    {
        var result = WhatIfPlanner.Plan(Ask(Priority.P1, "victor@demo.local"), LocalFixtures.Policy, Wednesday);

        result.Note.ShouldBeNull();
        result.Summary.Late.ShouldBe(0);
        result.Lines.ShouldAllBe(l => !l.Late);
        result.Summary.FirstPageAt.ShouldBe(result.RaisedAt);
    }
}
