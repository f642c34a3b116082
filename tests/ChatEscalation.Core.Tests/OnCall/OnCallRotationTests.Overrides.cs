using ChatEscalation.Core.OnCall;
using static ChatEscalation.Core.Tests.OnCall.OnCallFixtures;

namespace ChatEscalation.Core.Tests.OnCall;

public partial class OnCallRotationTests
{
    // Wednesday 2026-01-07 is inside alice's first primary week and xavier's secondary day.
    private static readonly DateTimeOffset Noon = Utc(2026, 1, 7, 12, 0);

    [Fact]
    public void ShiftAt_SingleLayerOverride_ReplacesPersonAndSplitsTheTurn()
    {
        var rotation = Rotation([WeeklyPrimary, DailySecondary], new RotationOverride("primary", Noon, Noon.AddHours(2), "dave"));

        rotation.ShiftAt(0, Noon.AddMinutes(-1)).ShouldBe(new OnCallShift("primary", "alice", Utc(2026, 1, 5, 9, 0), Noon));
        rotation.ShiftAt(0, Noon.AddHours(1)).ShouldBe(new OnCallShift("primary", "dave", Noon, Noon.AddHours(2)));
        rotation.ShiftAt(0, Noon.AddHours(2)).ShouldBe(new OnCallShift("primary", "alice", Noon.AddHours(2), Utc(2026, 1, 12, 9, 0)));
    }

    [Fact]
    public void WhoIsOnCall_SingleLayerOverride_LeavesOtherLayersAlone()
    {
        var rotation = Rotation([WeeklyPrimary, DailySecondary], new RotationOverride("primary", Noon, Noon.AddHours(2), "dave"));

        rotation.ShiftAt(1, Noon.AddHours(1)).ShouldBe(new OnCallShift("secondary", "xavier", Utc(2026, 1, 7, 9, 0), Utc(2026, 1, 8, 9, 0)));
    }

    [Fact]
    public void WhoIsOnCall_OverrideWithoutLayer_AppliesToEveryLayer()
    {
        var rotation = Rotation([WeeklyPrimary, DailySecondary], new RotationOverride(null, Noon, Noon.AddHours(2), "dave"));

        rotation.WhoIsOnCall(0, Noon).ShouldBe("dave");
        rotation.WhoIsOnCall(1, Noon).ShouldBe("dave");
        rotation.WhoIsOnCall(1, Noon.AddHours(2)).ShouldBe("xavier");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ShiftAt_OverrideWithNoPerson_IsExplicitGap(string? person)
    {
        var rotation = Rotation(WeeklyPrimary, new RotationOverride("primary", Noon, Noon.AddHours(2), person));

        rotation.ShiftAt(0, Noon).ShouldBe(new OnCallShift("primary", null, Noon, Noon.AddHours(2)));
        rotation.WhoIsOnCall(0, Noon.AddHours(2)).ShouldBe("alice");
    }

    [Fact]
    public void ShiftAt_OverlappingOverrides_LatestDeclaredWins()
    {
        var rotation = Rotation(WeeklyPrimary,
            new RotationOverride("primary", Noon, Noon.AddHours(10), "bob"),
            new RotationOverride("primary", Noon.AddHours(5), Noon.AddHours(15), "carol"));

        rotation.ShiftAt(0, Noon.AddHours(1)).ShouldBe(new OnCallShift("primary", "bob", Noon, Noon.AddHours(5)));
        rotation.ShiftAt(0, Noon.AddHours(6)).ShouldBe(new OnCallShift("primary", "carol", Noon.AddHours(5), Noon.AddHours(15)));
        rotation.WhoIsOnCall(0, Noon.AddHours(15)).ShouldBe("alice");
    }

    [Fact]
    public void ShiftAt_LaterOverrideInsideEarlierOne_SplitsTheEarlierOne()
    {
        var rotation = Rotation(WeeklyPrimary,
            new RotationOverride("primary", Noon, Noon.AddHours(20), "carol"),
            new RotationOverride(null, Noon.AddHours(5), Noon.AddHours(10), "dave"));

        rotation.ShiftAt(0, Noon.AddHours(1)).ShouldBe(new OnCallShift("primary", "carol", Noon, Noon.AddHours(5)));
        rotation.ShiftAt(0, Noon.AddHours(7)).ShouldBe(new OnCallShift("primary", "dave", Noon.AddHours(5), Noon.AddHours(10)));
        rotation.ShiftAt(0, Noon.AddHours(12)).ShouldBe(new OnCallShift("primary", "carol", Noon.AddHours(10), Noon.AddHours(20)));
    }

    [Fact]
    public void ShiftAt_EarlierOverrideInsideLaterOne_IsHiddenAndDoesNotSplit()
    {
        var rotation = Rotation(WeeklyPrimary,
            new RotationOverride("primary", Noon.AddHours(5), Noon.AddHours(10), "dave"),
            new RotationOverride("primary", Noon, Noon.AddHours(20), "carol"));

        var whole = new OnCallShift("primary", "carol", Noon, Noon.AddHours(20));
        rotation.ShiftAt(0, Noon.AddHours(2)).ShouldBe(whole);
        rotation.ShiftAt(0, Noon.AddHours(7)).ShouldBe(whole);
        rotation.ShiftAt(0, Noon.AddHours(15)).ShouldBe(whole);
    }

    [Fact]
    public void ShiftAt_OverrideSpanningHandoff_IsOneShift()
    {
        var from = Utc(2026, 1, 11, 18, 0);
        var rotation = Rotation(WeeklyPrimary, new RotationOverride("primary", from, from.AddDays(2), "dave"));

        rotation.ShiftAt(0, Utc(2026, 1, 12, 9, 0)).ShouldBe(new OnCallShift("primary", "dave", from, from.AddDays(2)));
        rotation.ShiftAt(0, from.AddDays(2)).ShouldBe(new OnCallShift("primary", "bob", from.AddDays(2), Utc(2026, 1, 19, 9, 0)));
    }

    [Fact]
    public void ShiftAt_OverrideBeforeLayerStart_CoversTheGap()
    {
        var rotation = Rotation(WeeklyPrimary, new RotationOverride("primary", Utc(2026, 1, 1), Utc(2026, 1, 2), "dave"));

        rotation.ShiftAt(0, Utc(2025, 12, 31)).ShouldBe(new OnCallShift("primary", null, DateTimeOffset.MinValue, Utc(2026, 1, 1)));
        rotation.WhoIsOnCall(0, Utc(2026, 1, 1, 6, 0)).ShouldBe("dave");
        rotation.ShiftAt(0, Utc(2026, 1, 3)).ShouldBe(new OnCallShift("primary", null, Utc(2026, 1, 2), Utc(2026, 1, 5, 9, 0)));
    }

    [Fact]
    public void ShiftAt_OverrideGivenWithOffset_ReturnsUtcInstants()
    {
        var from = new DateTimeOffset(2026, 1, 7, 14, 0, 0, TimeSpan.FromHours(2));
        var rotation = Rotation(WeeklyPrimary, new RotationOverride("primary", from, from.AddHours(1), "dave"));

        var shift = rotation.ShiftAt(0, Noon);

        shift.From.Offset.ShouldBe(TimeSpan.Zero);
        shift.From.ShouldBe(Noon);
    }

    [Fact]
    public void Constructor_OverrideForUnknownLayer_Throws()
    {
        Should.Throw<ArgumentException>(() => Rotation(WeeklyPrimary, new RotationOverride("tertiary", Noon, Noon.AddHours(1), "dave")))
            .Message.ShouldContain("tertiary");
    }

    [Fact]
    public void Constructor_OverrideEndingBeforeItStarts_Throws()
    {
        Should.Throw<ArgumentException>(() => Rotation(WeeklyPrimary, new RotationOverride("primary", Noon, Noon, "dave")));
    }

    [Fact]
    public void Constructor_HandoffTimeOfOneDay_Throws()
    {
        Should.Throw<ArgumentException>(() => Rotation(WeeklyPrimary with { HandoffTime = TimeSpan.FromDays(1) }));
    }

    [Fact]
    public void Constructor_DuplicateLayerName_Throws()
    {
        Should.Throw<ArgumentException>(() => Rotation([WeeklyPrimary, WeeklyPrimary])).Message.ShouldContain("primary");
    }
}
