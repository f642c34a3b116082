using ChatEscalation.Bot.Local;

namespace ChatEscalation.Bot.Tests.Local;

public class LocalPersonTests
{
    [Fact]
    public void From_DemoPolicy_OnCallPeopleSaySoAndOthersDoNot()
    {
        // Tuesday 10 March 2026, 19:00 London: week 10 of the weekly Tier 2 rotation that starts Monday 5 January with Carol, then Dave.
        var people = LocalPerson.From(LocalFixtures.Policy, new DateTimeOffset(2026, 3, 10, 19, 0, 0, TimeSpan.Zero));

        people.Single(p => p.Key == "dave@demo.local").Role.ShouldBe("Tier 2, on call (primary)");
        people.Single(p => p.Key == "carol@demo.local").Role.ShouldStartWith("Tier 2, on call (secondary)");
        people.Single(p => p.Key == "uma@demo.local").Role.ShouldBe("End user");
        people.Where(p => p.Role.Contains("on call")).ShouldAllBe(p => p.IsStaff);
    }
}
