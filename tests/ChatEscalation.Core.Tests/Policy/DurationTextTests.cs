using ChatEscalation.Core.Calendars;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tests.Engine.Support;

namespace ChatEscalation.Core.Tests.Policy;

public class DurationTextTests
{
    private static readonly BusinessCalendar Business = TestPolicy.Default().Calendar("business");

    [Theory]
    [InlineData(49 * 60 + 59, "5 business days")]
    [InlineData(50 * 60, "5 business days")]
    [InlineData(14 * 60, "1 business day 4 h")]
    [InlineData(20 * 60, "2 business days")]
    [InlineData(10 * 60, "1 business day")]
    [InlineData(4 * 60, "4 business hours")]
    [InlineData(60, "1 business hour")]
    [InlineData(150, "2 business hours 30 min")]
    [InlineData(45, "45 business minutes")]
    [InlineData(-150, "2 business hours 30 min")]
    public void HumanizeBusiness_BusinessCalendar_DaysOfItsWorkday(int minutes, string expected) =>
        DurationText.HumanizeBusiness(TimeSpan.FromMinutes(minutes), Business).ShouldBe(expected);

    [Fact]
    public void HumanizeBusiness_AlwaysOpenCalendar_WallClockWords() =>
        DurationText.HumanizeBusiness(TimeSpan.FromHours(30), BusinessCalendar.AlwaysOpen()).ShouldBe("1 day 6 h");

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(125 * 60, "2 h 5 min")]
    [InlineData(7 * 24 * 3600, "7 days")]
    [InlineData(-(30 * 60), "30 min")]
    public void Humanize_WallClock_Words(int seconds, string expected) =>
        DurationText.Humanize(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
