using ChatEscalation.Core.Calendars;
using static ChatEscalation.Core.Tests.Calendars.TestCalendars;

namespace ChatEscalation.Core.Tests.Calendars;

public class BusinessCalendarAddTests
{
    [Fact]
    public void Add_WithinOneDay_SameDay() =>
        LondonOffice().Add(At(London, 2026, 6, 8, 9), Hours(3)).ShouldBe(At(London, 2026, 6, 8, 12));

    [Fact]
    public void Add_AcrossAWeekend_ContinuesOnMonday() =>
        // Friday 16:00 BST: 1 h left on Friday, the second hour is Monday 08:00-09:00.
        LondonOffice().Add(At(London, 2026, 6, 5, 16), Hours(2)).ShouldBe(At(London, 2026, 6, 8, 9));

    [Fact]
    public void Add_AcrossAWeekendAndHolidays_SkipsThem() =>
        // Thu 24 Dec 16:00: 1 h that day; Fri 25 and Mon 28 are holidays, the weekend is closed; the 2nd hour ends Tue 29 09:00.
        LondonOffice("2026-12-25", "2026-12-28").Add(At(London, 2026, 12, 24, 16), Hours(2)).ShouldBe(Utc(2026, 12, 29, 9));

    [Fact]
    public void Add_FromAClosedInstant_CountsFromTheNextOpening() =>
        LondonOffice().Add(At(London, 2026, 6, 6, 10), Hours(1)).ShouldBe(At(London, 2026, 6, 8, 9)); // Saturday → Monday

    [Fact]
    public void Add_EndingExactlyAtClosing_ReturnsTheClosingNotTheNextOpening() =>
        LondonOffice().Add(At(London, 2026, 6, 5, 16), Hours(1)).ShouldBe(At(London, 2026, 6, 5, 17));

    [Fact]
    public void Add_ZeroDuration_ReturnsStartEvenWhenClosed()
    {
        var saturday = At(London, 2026, 6, 6, 10);
        var result = LondonOffice().Add(saturday, TimeSpan.Zero);
        result.ShouldBe(saturday);
        result.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Add_Result_IsInUtc() =>
        LondonOffice().Add(At(London, 2026, 6, 8, 9), Hours(1)).Offset.ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Add_NegativeDuration_ThrowsArgumentOutOfRange() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LondonOffice().Add(Utc(2026, 6, 8), TimeSpan.FromTicks(-1)));

    [Fact]
    public void Add_CalendarWithNoHours_ThrowsInvalidOperationNamingTheCalendar()
    {
        var never = Build("never", London, new() { ["Mon-Sun"] = "closed" });
        Should.Throw<InvalidOperationException>(() => never.Add(Utc(2026, 6, 8), Hours(1))).Message.ShouldContain("'never'");
    }

    [Fact]
    public void Add_AlwaysOpen_AddsWallClockTime() =>
        BusinessCalendar.AlwaysOpen().Add(Utc(2026, 3, 28, 12), Hours(48)).ShouldBe(Utc(2026, 3, 30, 12));

    [Fact]
    public void Add_SubMinuteDuration_ExactToTheTick() =>
        LondonOffice().Add(At(London, 2026, 6, 5, 17).AddTicks(-5), TimeSpan.FromTicks(7)).ShouldBe(At(London, 2026, 6, 8, 8).AddTicks(2));

    [Fact]
    public void Add_P3TwoBusinessDaysOverChristmas_LandsWednesday30th()
    {
        // London 08:00-17:00 Mon-Fri, holidays Thu 24, Fri 25 and Mon 28 Dec 2026 (GMT, so local = UTC).
        // "2 business days" = 2 × StandardWorkday (9 h) = 18 h, from Wed 23 Dec 10:00:
        //   Wed 23  10:00-17:00   7 h  (11 h left)
        //   Thu 24, Fri 25 holidays; Sat 26, Sun 27 closed; Mon 28 holiday
        //   Tue 29  08:00-17:00   9 h  ( 2 h left)
        //   Wed 30  08:00-10:00   2 h  → due Wed 30 Dec 2026 10:00 GMT = 10:00 UTC.
        var calendar = LondonOffice("2026-12-24", "2026-12-25", "2026-12-28");
        var twoBusinessDays = calendar.StandardWorkday * 2;
        twoBusinessDays.ShouldBe(Hours(18));
        calendar.Add(At(London, 2026, 12, 23, 10), twoBusinessDays).ShouldBe(Utc(2026, 12, 30, 10));
    }

    [Fact]
    public void Add_FiveBusinessDaysRepeatedly_DoesNotWalkMinutes()
    {
        var calendar = LondonOffice("2026-12-25", "2026-12-28");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var t = Utc(2026, 1, 1);
        for (var i = 0; i < 1000; i++) t = calendar.Add(t, calendar.StandardWorkday * 5); // ~19 years of weeks
        watch.Stop();
        calendar.Elapsed(Utc(2026, 1, 1), t).ShouldBe(calendar.StandardWorkday * 5000);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
