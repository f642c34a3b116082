using ChatEscalation.Core.Calendars;
using static ChatEscalation.Core.Tests.Calendars.TestCalendars;

namespace ChatEscalation.Core.Tests.Calendars;

/// <summary>DST: London goes forward 01:00 GMT → 02:00 BST on 2026-03-29 and back 02:00 BST → 01:00 GMT on 2026-10-25;
/// New York goes forward 02:00 → 03:00 on 2026-03-08 and back 02:00 → 01:00 on 2026-11-01.</summary>
public class BusinessCalendarDstTests
{
    // The holiday far away keeps the calendar off the always-open shortcut so the interval walk is exercised.
    public static TheoryData<string, int, int, int, double, bool> Days => new()
    {
        { "Europe/London", 2026, 3, 29, 23, false }, { "Europe/London", 2026, 3, 29, 23, true },
        { "Europe/London", 2026, 10, 25, 25, false }, { "Europe/London", 2026, 10, 25, 25, true },
        { "Europe/London", 2026, 3, 28, 24, true },
        { "America/New_York", 2026, 3, 8, 23, false }, { "America/New_York", 2026, 3, 8, 23, true },
        { "America/New_York", 2026, 11, 1, 25, false }, { "America/New_York", 2026, 11, 1, 25, true },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Elapsed_AllDayCalendarOverOneLocalDay_LengthOfThatDay(string zoneId, int year, int month, int day, double hours, bool withHoliday)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var calendar = withHoliday ? AllDay(zone, "2030-01-01") : AllDay(zone);
        calendar.IsAlwaysOpen.ShouldBe(!withHoliday);
        var midnight = At(zone, year, month, day);
        calendar.Elapsed(midnight, At(zone, year, month, day + 1)).ShouldBe(Hours(hours));
        calendar.Add(midnight, Hours(hours)).ShouldBe(At(zone, year, month, day + 1));
    }

    private static readonly BusinessCalendar SmallHours = Build("small-hours", London, new() { ["Sunday"] = "01:00-02:00" });

    [Fact]
    public void Elapsed_SkippedLocalHourOnSpringForward_CountsZero() =>
        SmallHours.Elapsed(At(London, 2026, 3, 29), At(London, 2026, 3, 30)).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Elapsed_RepeatedLocalHourOnFallBack_CountsTwice() =>
        SmallHours.Elapsed(At(London, 2026, 10, 25), At(London, 2026, 10, 26)).ShouldBe(Hours(2));

    [Fact]
    public void IsOpen_BothPassesOfTheRepeatedHour_Open()
    {
        SmallHours.IsOpen(Utc(2026, 10, 25, 0, 30)).ShouldBeTrue(); // 01:30 BST
        SmallHours.IsOpen(Utc(2026, 10, 25, 1, 30)).ShouldBeTrue(); // 01:30 GMT
        SmallHours.IsOpen(Utc(2026, 10, 25, 2)).ShouldBeFalse();    // 02:00 GMT
    }

    [Fact]
    public void Add_IntoTheRepeatedHour_UsesBothPasses() =>
        // 1 h fills the first pass (00:00-01:00 UTC); 30 more minutes run into the second pass (01:00-02:00 UTC).
        SmallHours.Add(At(London, 2026, 10, 24, 12), Hours(1.5)).ShouldBe(Utc(2026, 10, 25, 1, 30));

    [Fact]
    public void NextClosing_InRepeatedHour_EndsAfterSecondPass() =>
        SmallHours.NextClosing(Utc(2026, 10, 25, 0, 15)).ShouldBe(Utc(2026, 10, 25, 2));

    [Fact]
    public void Add_OfficeHoursAcrossSpringForwardWeekend_ShiftsUtcByAnHour() =>
        // Fri 27 Mar 16:00 GMT (16:00 UTC) + 2 h → Mon 30 Mar 09:00 BST = 08:00 UTC.
        LondonOffice().Add(At(London, 2026, 3, 27, 16), Hours(2)).ShouldBe(Utc(2026, 3, 30, 8));

    [Fact]
    public void Elapsed_SydneyOfficeAcrossDstEnd_FullWorkdays()
    {
        // Sydney leaves DST on Sun 5 Apr 2026 (03:00 AEDT → 02:00 AEST); office days either side keep their 8 h.
        var sydney = Build("sydney", Sydney, new() { ["Mon-Fri"] = "09:00-17:00" });
        sydney.Elapsed(At(Sydney, 2026, 4, 3, 9), At(Sydney, 2026, 4, 6, 17)).ShouldBe(Hours(16));
    }
}
