using ChatEscalation.Core.Calendars;
using static ChatEscalation.Core.Tests.Calendars.TestCalendars;

namespace ChatEscalation.Core.Tests.Calendars;

public class BusinessCalendarElapsedTests
{
    private static readonly BusinessCalendar Split = Build("split", London, new() { ["Mon-Fri"] = "08:00-12:00, 13:00-17:30" }, "2026-12-25");

    [Fact]
    public void Elapsed_WholeWorkdayWithLunch_EightAndAHalfHours() =>
        Split.Elapsed(At(London, 2026, 6, 8, 7), At(London, 2026, 6, 8, 18)).ShouldBe(Hours(8.5));

    [Fact]
    public void Elapsed_WholeWeek_FiveWorkdays() =>
        Split.Elapsed(At(London, 2026, 6, 8), At(London, 2026, 6, 15)).ShouldBe(Hours(42.5));

    [Fact]
    public void Elapsed_WeekWithAHoliday_FourWorkdays() =>
        Split.Elapsed(At(London, 2026, 12, 21), At(London, 2026, 12, 28)).ShouldBe(Hours(34));

    [Fact]
    public void Elapsed_ToBeforeFrom_Zero() =>
        Split.Elapsed(At(London, 2026, 6, 8, 10), At(London, 2026, 6, 8, 9)).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Elapsed_EqualInstants_Zero() =>
        Split.Elapsed(At(London, 2026, 6, 8, 10), At(London, 2026, 6, 8, 10)).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Elapsed_InsideLunch_Zero() =>
        Split.Elapsed(At(London, 2026, 6, 8, 12), At(London, 2026, 6, 8, 13)).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Elapsed_PartialMinutes_ExactToTheTick() =>
        Split.Elapsed(At(London, 2026, 6, 8, 8).AddTicks(1), At(London, 2026, 6, 8, 8).AddSeconds(1)).ShouldBe(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));

    [Fact]
    public void Elapsed_MixedOffsets_SameAsUtc() =>
        Split.Elapsed(At(London, 2026, 6, 8, 9).ToOffset(Hours(-5)), At(London, 2026, 6, 8, 10).ToOffset(Hours(9)))
            .ShouldBe(Hours(1));

    [Fact]
    public void Elapsed_AWholeYearInNewYorkAllDayWithOneHoliday_364DaysAndFast()
    {
        // DST's 23 h and 25 h days cancel out; the holiday (Fri 3 Jul, EDT) removes exactly 24 h.
        var calendar = AllDay(NewYork, "2026-07-03");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var elapsed = calendar.Elapsed(At(NewYork, 2026, 1, 1), At(NewYork, 2027, 1, 1));
        watch.Stop();
        elapsed.ShouldBe(TimeSpan.FromDays(364));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Elapsed_AYearOfOfficeHours_WorkdaysTimesLength()
    {
        // 2026 has 261 weekdays; Christmas (Fri) is a holiday → 260 × 8.5 h.
        Split.Elapsed(Utc(2026, 1, 1), Utc(2027, 1, 1)).ShouldBe(Hours(260 * 8.5));
    }

    [Fact]
    public void Elapsed_AlwaysOpen_WallClockTime() =>
        BusinessCalendar.AlwaysOpen().Elapsed(Utc(2026, 3, 28), Utc(2026, 3, 30)).ShouldBe(Hours(48));
}
