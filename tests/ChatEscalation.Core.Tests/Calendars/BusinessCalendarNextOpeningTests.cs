using ChatEscalation.Core.Calendars;
using static ChatEscalation.Core.Tests.Calendars.TestCalendars;

namespace ChatEscalation.Core.Tests.Calendars;

public class BusinessCalendarNextOpeningTests
{
    private static readonly BusinessCalendar Split = Build("split", London, new() { ["Mon-Fri"] = "08:00-12:00, 13:00-17:30" }, "2026-06-08");

    [Fact]
    public void NextOpening_WhenOpen_TheInstantItselfInUtc()
    {
        var instant = At(London, 2026, 6, 9, 10, 15).AddTicks(3);
        var opening = Split.NextOpening(instant);
        opening.ShouldBe(instant);
        opening!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void NextOpening_OverLunch_AfterLunch() =>
        Split.NextOpening(At(London, 2026, 6, 9, 12, 30)).ShouldBe(At(London, 2026, 6, 9, 13));

    [Fact]
    public void NextOpening_SaturdayBeforeHolidayMonday_Tuesday() =>
        Split.NextOpening(At(London, 2026, 6, 6, 10)).ShouldBe(At(London, 2026, 6, 9, 8));

    [Fact]
    public void NextOpening_NoHours_Null() =>
        Build("never", London, new()).NextOpening(Utc(2026, 6, 8)).ShouldBeNull();

    [Fact]
    public void NextClosing_Morning_Lunchtime() =>
        Split.NextClosing(At(London, 2026, 6, 9, 9)).ShouldBe(At(London, 2026, 6, 9, 12));

    [Fact]
    public void NextClosing_WhenClosed_EndOfTheNextOpenStretch() =>
        Split.NextClosing(At(London, 2026, 6, 9, 12, 30)).ShouldBe(At(London, 2026, 6, 9, 17, 30));

    [Fact]
    public void NextClosing_AcrossMidnight_OneStretch()
    {
        var late = Build("late", London, new() { ["Friday"] = "20:00-24:00", ["Saturday"] = "00:00-02:00" });
        late.NextClosing(At(London, 2026, 6, 12, 21)).ShouldBe(At(London, 2026, 6, 13, 2));
    }

    [Fact]
    public void NextClosing_AlwaysOpen_Null() => BusinessCalendar.AlwaysOpen().NextClosing(Utc(2026, 6, 8)).ShouldBeNull();

    [Fact]
    public void NextClosing_AllDayWithAFutureHoliday_StartOfTheHoliday() =>
        AllDay(London, "2026-12-25").NextClosing(Utc(2026, 12, 1)).ShouldBe(At(London, 2026, 12, 25));

    [Fact]
    public void NextClosing_AllDayAfterItsLastHoliday_Null() =>
        AllDay(London, "2026-12-25").NextClosing(Utc(2027, 1, 5)).ShouldBeNull();

    [Fact]
    public void NextClosing_NoHours_Null() => Build("never", London, new()).NextClosing(Utc(2026, 6, 8)).ShouldBeNull();
}
