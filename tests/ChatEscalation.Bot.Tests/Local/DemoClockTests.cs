using ChatEscalation.Bot.Local;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Local;

public sealed class DemoClockTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void GetUtcNow_NoJump_FollowsInnerClock()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var clock = new DemoClock(inner, London);
        inner.Advance(TimeSpan.FromMinutes(7));
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 3, 4, 10, 7, 0, TimeSpan.Zero));
        clock.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Jump_ThirtyMinutes_AddsOffsetAndKeepsFollowingInnerClock()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var clock = new DemoClock(inner, London);
        clock.Jump(ClockJump.ThirtyMinutes).ShouldBe(new DateTimeOffset(2026, 3, 4, 10, 30, 0, TimeSpan.Zero));
        inner.Advance(TimeSpan.FromMinutes(1));
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 3, 4, 10, 31, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Jump_EndOfDayInSummer_Lands1800LondonWhichIs1700Utc()
    {
        // London is UTC+1 in July, so 18:00 local is 17:00 UTC.
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 7, 8, 9, 15, 0, TimeSpan.Zero)), London);
        clock.Jump(ClockJump.EndOfDay).ShouldBe(new DateTimeOffset(2026, 7, 8, 17, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Jump_EndOfDayAfter1800_GoesToTomorrow1800()
    {
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 19, 0, 0, TimeSpan.Zero)), London);
        clock.Jump(ClockJump.EndOfDay).ShouldBe(new DateTimeOffset(2026, 1, 15, 18, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Jump_NextMondayFromWednesday_LandsMonday0800Local()
    {
        // Wed 14 Jan 2026 → Mon 19 Jan 2026 08:00 GMT.
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero)), London);
        clock.Jump(ClockJump.NextMonday).ShouldBe(new DateTimeOffset(2026, 1, 19, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Jump_NextMondayOnMondayAfter0800_GoesAWeekAhead()
    {
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.Zero)), London);
        clock.Jump(ClockJump.NextMonday).ShouldBe(new DateTimeOffset(2026, 1, 26, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Jump_NextMondayAcrossSpringForward_UsesBritishSummerTime()
    {
        // Clocks go forward on Sun 29 Mar 2026; Mon 30 Mar 08:00 BST is 07:00 UTC.
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero)), London);
        clock.Jump(ClockJump.NextMonday).ShouldBe(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Advance_ZeroOrNegative_IsRefusedAndTimeDoesNotMove(int minutes)
    {
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero)), London);
        Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromMinutes(minutes)));
        clock.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Jump_Repeated_OffsetsAccumulate()
    {
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero)), London);
        clock.Jump(ClockJump.ThirtyMinutes);
        clock.Jump(ClockJump.ThirtyMinutes);
        clock.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void GetUtcNow_InnerClockSetBack_NeverReadsEarlier()
    {
        var inner = new SettableClock(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var clock = new DemoClock(inner, London);
        var first = clock.GetUtcNow();

        inner.Now = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero); // NTP steps the system clock back an hour

        clock.GetUtcNow().ShouldBe(first);
    }

    [Fact]
    public void Restore_SavedOffset_RunsThatFarAheadAgain()
    {
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero)), London);

        clock.Restore(TimeSpan.FromDays(2), new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero))
            .ShouldBe(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero));
        clock.Offset.ShouldBe(TimeSpan.FromDays(2));
    }

    [Fact]
    public void Restore_FloorLaterThanOffsetSays_ClockStartsAtTheFloor()
    {
        var clock = new DemoClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero)), London);
        var floor = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);

        clock.Restore(TimeSpan.FromDays(1), floor).ShouldBe(floor);
    }
}
