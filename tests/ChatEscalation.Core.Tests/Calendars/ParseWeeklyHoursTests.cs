using ChatEscalation.Core.Calendars;
using static ChatEscalation.Core.Tests.Calendars.TestCalendars;

namespace ChatEscalation.Core.Tests.Calendars;

public class ParseWeeklyHoursTests
{
    private static IReadOnlyList<OpeningHours> Parse(params (string Key, string Value)[] entries) =>
        BusinessCalendar.ParseWeeklyHours(entries.ToDictionary(e => e.Key, e => e.Value));

    [Fact]
    public void ParseWeeklyHours_RangeWithSplitHours_TwoIntervalsPerDay()
    {
        var hours = Parse(("Mon-Fri", "08:00-12:00, 13:00-17:30"));
        hours.Count.ShouldBe(10);
        hours.ShouldContain(new OpeningHours(DayOfWeek.Wednesday, Hours(8), Hours(12)));
        hours.ShouldContain(new OpeningHours(DayOfWeek.Friday, Hours(13), Hours(17.5)));
        hours.ShouldNotContain(h => h.Day == DayOfWeek.Saturday || h.Day == DayOfWeek.Sunday);
    }

    [Fact]
    public void ParseWeeklyHours_MidnightToMidnight_EndIs24Hours() =>
        Parse(("Sunday", "00:00-24:00")).ShouldBe([new OpeningHours(DayOfWeek.Sunday, TimeSpan.Zero, TimeSpan.FromDays(1))]);

    [Theory]
    [InlineData("closed")]
    [InlineData("CLOSED")]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseWeeklyHours_ClosedOrEmpty_NoHours(string value) => Parse(("Saturday", value)).ShouldBeEmpty();

    [Theory]
    [InlineData("monday")]
    [InlineData("MONDAY")]
    [InlineData("Mon")]
    [InlineData("mon")]
    [InlineData(" Monday ")]
    public void ParseWeeklyHours_DayNameAnyCaseOrShort_Monday(string key) =>
        Parse((key, "9:00-17:00")).ShouldBe([new OpeningHours(DayOfWeek.Monday, Hours(9), Hours(17))]);

    [Fact]
    public void ParseWeeklyHours_SatSunRange_BothWeekendDays() =>
        Parse(("sat-SUN", "10:00-14:00")).Select(h => h.Day).ShouldBe([DayOfWeek.Saturday, DayOfWeek.Sunday], ignoreOrder: true);

    [Fact]
    public void ParseWeeklyHours_WrappingRange_FridayToMonday() =>
        Parse(("Fri-Mon", "10:00-14:00")).Select(h => h.Day)
            .ShouldBe([DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday], ignoreOrder: true);

    [Fact]
    public void ParseWeeklyHours_SingleDayAfterRange_OverridesTheRange()
    {
        var hours = Parse(("Mon-Fri", "08:00-17:00"), ("Friday", "closed"), ("wed", "10:00-12:00"));
        hours.ShouldNotContain(h => h.Day == DayOfWeek.Friday);
        hours.Where(h => h.Day == DayOfWeek.Wednesday).ShouldBe([new OpeningHours(DayOfWeek.Wednesday, Hours(10), Hours(12))]);
        hours.Count.ShouldBe(4);
    }

    [Fact]
    public void ParseWeeklyHours_SingleDayBeforeRange_StillOverrides() =>
        Parse(("Friday", "08:00-12:00"), ("Mon-Fri", "08:00-17:00"))
            .Where(h => h.Day == DayOfWeek.Friday).ShouldBe([new OpeningHours(DayOfWeek.Friday, Hours(8), Hours(12))]);

    [Fact]
    public void ParseWeeklyHours_Empty_NoHours() => Parse().ShouldBeEmpty();

    [Theory]
    [InlineData("Funday", "08:00-17:00")]
    [InlineData("Mo", "08:00-17:00")]
    [InlineData("Mon-Tue-Wed", "08:00-17:00")]
    [InlineData("Mon-", "08:00-17:00")]
    [InlineData("Mon", "8-17")]
    [InlineData("Mon", "17:00-08:00")]
    [InlineData("Mon", "08:00-08:00")]
    [InlineData("Mon", "08:00-25:00")]
    [InlineData("Mon", "24:00-24:00")]
    [InlineData("Mon", "08:00")]
    [InlineData("Mon", "08:00-12:00,")]
    [InlineData("Mon", "08:00-12:00; 13:00-17:00")]
    [InlineData("Mon", "open")]
    [InlineData("Mon", "08:60-12:00")]
    public void ParseWeeklyHours_BadKeyOrValue_FormatExceptionNamingBoth(string key, string value)
    {
        var error = Should.Throw<FormatException>(() => Parse((key, value)));
        error.Message.ShouldContain($"'{key}'");
        error.Message.ShouldContain($"'{value}'");
    }

    [Fact]
    public void ParseWeeklyHours_SameDayTwice_FormatException() =>
        Should.Throw<FormatException>(() => Parse(("Mon", "08:00-12:00"), ("monday", "13:00-17:00"))).Message.ShouldContain("Monday");

    [Fact]
    public void ParseWeeklyHours_OverlappingRanges_FormatException() =>
        Should.Throw<FormatException>(() => Parse(("Mon-Wed", "08:00-12:00"), ("Wed-Fri", "13:00-17:00"))).Message.ShouldContain("Wednesday");
}
