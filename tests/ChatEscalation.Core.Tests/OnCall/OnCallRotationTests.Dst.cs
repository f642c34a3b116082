using ChatEscalation.Core.OnCall;
using static ChatEscalation.Core.Tests.OnCall.OnCallFixtures;

namespace ChatEscalation.Core.Tests.OnCall;

public partial class OnCallRotationTests
{
    private static OnCallRotation DailyAt(TimeSpan handoff, DateOnly start) =>
        Rotation(Layer("primary", TurnLength.Daily, start, handoff, "ann", "ben"));

    [Fact]
    public void ShiftAt_DailyTurnIntoSummerTime_Is23HoursAndHandsOffAtLocalNine()
    {
        // London springs forward at 01:00 UTC on Sunday 2026-03-29.
        var rotation = DailyAt(TimeSpan.FromHours(9), new DateOnly(2026, 3, 27));

        var saturday = rotation.ShiftAt(0, Utc(2026, 3, 28, 12, 0));
        var sunday = rotation.ShiftAt(0, Utc(2026, 3, 29, 12, 0));

        saturday.From.ShouldBe(Utc(2026, 3, 28, 9, 0));  // 09:00 GMT
        saturday.To.ShouldBe(Utc(2026, 3, 29, 8, 0));    // 09:00 BST
        (saturday.To - saturday.From).ShouldBe(TimeSpan.FromHours(23));
        sunday.From.ShouldBe(saturday.To);
        (sunday.To - sunday.From).ShouldBe(TimeSpan.FromHours(24));
        TimeZoneInfo.ConvertTime(sunday.From, London).TimeOfDay.ShouldBe(TimeSpan.FromHours(9));
    }

    [Fact]
    public void ShiftAt_DailyTurnIntoWinterTime_Is25HoursAndHandsOffAtLocalNine()
    {
        // London falls back at 01:00 UTC on Sunday 2026-10-25.
        var rotation = DailyAt(TimeSpan.FromHours(9), new DateOnly(2026, 10, 23));

        var saturday = rotation.ShiftAt(0, Utc(2026, 10, 24, 12, 0));
        var sunday = rotation.ShiftAt(0, Utc(2026, 10, 25, 12, 0));

        saturday.From.ShouldBe(Utc(2026, 10, 24, 8, 0)); // 09:00 BST
        saturday.To.ShouldBe(Utc(2026, 10, 25, 9, 0));   // 09:00 GMT
        (saturday.To - saturday.From).ShouldBe(TimeSpan.FromHours(25));
        sunday.From.ShouldBe(saturday.To);
        TimeZoneInfo.ConvertTime(sunday.From, London).TimeOfDay.ShouldBe(TimeSpan.FromHours(9));
    }

    [Fact]
    public void ShiftAt_DailyTurnsAcrossSpringChange_AlternateParticipantsByLocalDay()
    {
        var rotation = DailyAt(TimeSpan.FromHours(9), new DateOnly(2026, 3, 27));

        rotation.WhoIsOnCall(0, Utc(2026, 3, 28, 9, 0)).ShouldBe("ben");   // turn 1
        rotation.WhoIsOnCall(0, Utc(2026, 3, 29, 7, 59)).ShouldBe("ben");  // 08:59 BST
        rotation.WhoIsOnCall(0, Utc(2026, 3, 29, 8, 0)).ShouldBe("ann");   // 09:00 BST, turn 2
    }

    [Fact]
    public void ShiftAt_HandoffInsideSpringGap_HandsOffAtFirstValidInstantAfter()
    {
        // 01:30 does not exist on 2026-03-29 in London; clocks jump from 01:00 GMT to 02:00 BST (01:00 UTC).
        var rotation = DailyAt(new TimeSpan(1, 30, 0), new DateOnly(2026, 3, 27));

        var gapDay = rotation.ShiftAt(0, Utc(2026, 3, 29, 12, 0));

        gapDay.From.ShouldBe(Utc(2026, 3, 29, 1, 0));
        gapDay.To.ShouldBe(Utc(2026, 3, 30, 0, 30)); // 01:30 BST next day
        rotation.ShiftAt(0, Utc(2026, 3, 29, 0, 59)).From.ShouldBe(Utc(2026, 3, 28, 1, 30));
    }

    [Fact]
    public void ShiftAt_HandoffInsideAutumnOverlap_HandsOffAtFirstOccurrence()
    {
        // 01:30 happens twice on 2026-10-25 in London: 00:30 UTC (BST) and 01:30 UTC (GMT).
        var rotation = DailyAt(new TimeSpan(1, 30, 0), new DateOnly(2026, 10, 23));

        rotation.ShiftAt(0, Utc(2026, 10, 25, 12, 0)).From.ShouldBe(Utc(2026, 10, 25, 0, 30));
    }

    [Theory]
    [InlineData("Europe/London", 9, 0, TurnLength.Daily)]
    [InlineData("America/New_York", 23, 30, TurnLength.Weekly)]
    [InlineData("Pacific/Auckland", 0, 0, TurnLength.Daily)]
    [InlineData("Australia/Lord_Howe", 4, 15, TurnLength.Daily)]
    [InlineData("Asia/Kolkata", 18, 45, TurnLength.Weekly)]
    public void ShiftAt_AnyInstantInAnyZone_ContainsThatInstantAndChainsToNextShift(string zoneId, int hour, int minute, TurnLength turn)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var rotation = new OnCallRotation("r", zone, [Layer("l", turn, new DateOnly(2025, 1, 1), new TimeSpan(hour, minute, 0), "a", "b", "c")], []);
        var random = new Random(42);

        for (var i = 0; i < 500; i++)
        {
            var at = Utc(2025, 1, 2).AddMinutes(random.Next(0, 2 * 366 * 24 * 60));
            var shift = rotation.ShiftAt(0, at);

            shift.From.ShouldBeLessThanOrEqualTo(at);
            shift.To.ShouldBeGreaterThan(at);
            TimeZoneInfo.ConvertTime(shift.From, zone).TimeOfDay.ShouldBe(new TimeSpan(hour, minute, 0), $"at {at:O}"); // no handoff in a gap in these zones
            rotation.NextShift(0, at).From.ShouldBe(shift.To);
            rotation.ShiftAt(0, shift.To.AddTicks(-1)).ShouldBe(shift);
        }
    }
}
