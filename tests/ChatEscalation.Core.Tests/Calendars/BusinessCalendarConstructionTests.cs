using ChatEscalation.Core.Calendars;
using static ChatEscalation.Core.Tests.Calendars.TestCalendars;

namespace ChatEscalation.Core.Tests.Calendars;

public class BusinessCalendarConstructionTests
{
    [Fact]
    public void StandardWorkday_OfficeHoursMonToFri_IsNineHours() =>
        LondonOffice().StandardWorkday.ShouldBe(Hours(9));

    [Fact]
    public void StandardWorkday_AlwaysOpen_Is24Hours() =>
        BusinessCalendar.AlwaysOpen().StandardWorkday.ShouldBe(Hours(24));

    [Fact]
    public void StandardWorkday_ShortFriday_IsTheCommonLength() =>
        Build("c", London, new() { ["Mon-Thu"] = "08:00-12:00, 13:00-17:30", ["Fri"] = "08:00-14:00" }).StandardWorkday.ShouldBe(Hours(8.5));

    [Fact]
    public void StandardWorkday_Tie_IsTheLongerLength() =>
        Build("c", London, new() { ["Mon"] = "08:00-16:00", ["Tue"] = "08:00-17:00" }).StandardWorkday.ShouldBe(Hours(9));

    [Fact]
    public void StandardWorkday_NoHours_IsZero() =>
        Build("never", London, new()).StandardWorkday.ShouldBe(TimeSpan.Zero);

    [Fact]
    public void AlwaysOpen_Defaults_NamedAndFlagged()
    {
        var calendar = BusinessCalendar.AlwaysOpen();
        calendar.Name.ShouldBe("24x7");
        calendar.IsAlwaysOpen.ShouldBeTrue();
        BusinessCalendar.AlwaysOpen("ops").Name.ShouldBe("ops");
    }

    [Fact]
    public void IsAlwaysOpen_AllDayEveryDayInAZone_True() => AllDay(London).IsAlwaysOpen.ShouldBeTrue();

    [Fact]
    public void IsAlwaysOpen_AllDayWithAHoliday_False() => AllDay(London, "2026-12-25").IsAlwaysOpen.ShouldBeFalse();

    [Fact]
    public void IsAlwaysOpen_OfficeHours_False() => LondonOffice().IsAlwaysOpen.ShouldBeFalse();

    [Theory]
    [InlineData(17, 8)]
    [InlineData(8, 8)]
    [InlineData(8, 25)]
    [InlineData(-1, 8)]
    public void Constructor_InvalidInterval_ThrowsArgumentException(int startHour, int endHour) =>
        Should.Throw<ArgumentException>(() => new BusinessCalendar("bad", London,
            [new OpeningHours(DayOfWeek.Monday, Hours(startHour), Hours(endHour))], []));

    [Fact]
    public void Constructor_OverlappingIntervals_Merged()
    {
        var calendar = new BusinessCalendar("overlap", London,
            [new(DayOfWeek.Monday, Hours(8), Hours(12)), new(DayOfWeek.Monday, Hours(11), Hours(14)), new(DayOfWeek.Monday, Hours(14), Hours(15))], []);
        calendar.StandardWorkday.ShouldBe(Hours(7));
        calendar.NextClosing(At(London, 2026, 6, 8, 9)).ShouldBe(At(London, 2026, 6, 8, 15));
    }
}
