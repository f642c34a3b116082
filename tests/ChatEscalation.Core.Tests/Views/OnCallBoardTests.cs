using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

public class OnCallBoardTests
{
    private static readonly DateTimeOffset Friday = At.Utc(2026, 7, 10, 20, 0); // 21:00 London (BST), 16:00 New York (EDT)

    [Fact]
    public void Describe_ReaderInNewYork_TimesInTheReadersZoneAndSaysSo()
    {
        var policy = TestPolicy.Default();
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var text = OnCallBoard.Describe(OnCallBoard.At(policy, Friday, newYork), policy.Staffed.IsOpen(Friday), newYork);

        text.ShouldContain("(times in New York time):");
        text.ShouldContain("until Sat 11 Jul 04:00 (New York time)"); // the 09:00 London handoff
        text.ShouldNotContain("London time");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("tier 3")]
    [InlineData("T3")]
    [InlineData("infrastructure")]
    public void Matching_TierNumberOrName_OnlyThatTiersLines(string query)
    {
        var lines = OnCallBoard.At(TestPolicy.Default(), Friday);

        OnCallBoard.Matching(lines, query).ShouldNotBeNull().ShouldAllBe(l => l.Tier == 3);
    }

    [Fact]
    public void Matching_NothingByThatName_Null()
    {
        OnCallBoard.Matching(OnCallBoard.At(TestPolicy.Default(), Friday), "plumbing").ShouldBeNull();
    }

    [Fact]
    public void Matching_Empty_EveryLine()
    {
        var lines = OnCallBoard.At(TestPolicy.Default(), Friday);

        OnCallBoard.Matching(lines, " ").ShouldBe(lines);
    }
}
