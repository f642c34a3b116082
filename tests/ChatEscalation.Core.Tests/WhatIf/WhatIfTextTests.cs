using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.WhatIf;

namespace ChatEscalation.Core.Tests.WhatIf;

public class WhatIfTextTests
{
    private static readonly DateTimeOffset Wednesday = At.Utc(2026, 3, 11, 10, 0);

    [Fact]
    public void Parse_P1VipSaturdayTwoAm_EveryWordRead()
    {
        var asked = WhatIfText.Parse("P1 vip saturday 02:00", People.Uma, TestPolicy.Default(), Wednesday);

        asked.Priority.ShouldBe(Priority.P1);
        asked.Reporter.ShouldBe("victor@demo.local");
        asked.Day.ShouldBe(DayOfWeek.Saturday);
        asked.TimeOfDay.ShouldBe(new TimeOnly(2, 0));
        asked.Title.ShouldBe("What-if ticket");
    }

    [Fact]
    public void Parse_NoVipAndOtherWords_AskerReportsAndTheWordsAreTheTitle()
    {
        var asked = WhatIfText.Parse("payroll export fails sun 7:30", People.Uma, TestPolicy.Default(), Wednesday);

        asked.Reporter.ShouldBe(People.Uma.Key);
        asked.Priority.ShouldBeNull();
        asked.Day.ShouldBe(DayOfWeek.Sunday);
        asked.TimeOfDay.ShouldBe(new TimeOnly(7, 30));
        asked.Title.ShouldBe("export fails");
        asked.Category.ShouldBe("Payroll");
    }

    [Fact]
    public void Describe_P1VipSaturdayNight_SummaryOfTheDryRun()
    {
        var policy = TestPolicy.Default();
        var result = WhatIfPlanner.Plan(WhatIfText.Parse("P1 vip saturday 02:00", People.Uma, policy, Wednesday), policy, Wednesday);

        var text = WhatIfText.Describe(result, policy);

        text.ShouldStartWith("What if a P1 (");
        text.ShouldContain("from Victor");
        text.ShouldContain("raised Sat 14 Mar 02:00 (London time)?");
        text.ShouldContain("• First page: 02:00 (+0 min)");
        text.ShouldContain("• SLA breach: ");
        text.ShouldContain("• Woken: ");
        text.ShouldContain($"{result.Summary.Pages} pages");
    }
}
