using ChatEscalation.Core.OnCall;
using static ChatEscalation.Core.Tests.OnCall.OnCallFixtures;

namespace ChatEscalation.Core.Tests.OnCall;

public partial class OnCallRotationTests
{
    [Fact]
    public void NextShift_MidTurn_IsNextParticipantsTurn()
    {
        var next = Rotation(WeeklyPrimary).NextShift(0, Utc(2026, 1, 7));

        next.ShouldBe(new OnCallShift("primary", "bob", Utc(2026, 1, 12, 9, 0), Utc(2026, 1, 19, 9, 0)));
    }

    [Fact]
    public void NextShift_BeforeAnOverride_IsTheOverride()
    {
        var rotation = Rotation(WeeklyPrimary, new RotationOverride("primary", Noon, Noon.AddHours(2), null));

        rotation.NextShift(0, Noon.AddHours(-3)).ShouldBe(new OnCallShift("primary", null, Noon, Noon.AddHours(2)));
    }

    [Fact]
    public void NextShift_SingleParticipant_ReturnsNextTurnOfSamePerson()
    {
        var rotation = Rotation(Layer("primary", TurnLength.Daily, new DateOnly(2026, 1, 5), TimeSpan.FromHours(9), "solo"));

        rotation.NextShift(0, Utc(2026, 1, 6, 12, 0)).ShouldBe(new OnCallShift("primary", "solo", Utc(2026, 1, 7, 9, 0), Utc(2026, 1, 8, 9, 0)));
    }

    [Fact]
    public void NextShift_BeforeLayerStart_IsFirstTurn()
    {
        Rotation(WeeklyPrimary).NextShift(0, Utc(2025, 6, 1)).ShouldBe(new OnCallShift("primary", "alice", Utc(2026, 1, 5, 9, 0), Utc(2026, 1, 12, 9, 0)));
    }

    [Fact]
    public void NextShift_GapForever_ReturnsCurrentShiftStartingBeforeNow()
    {
        var at = Utc(2026, 3, 1);
        var next = Rotation(Layer("primary", TurnLength.Daily, new DateOnly(2026, 1, 5), TimeSpan.FromHours(9))).NextShift(0, at);

        next.Person.ShouldBeNull();
        next.From.ShouldBeLessThanOrEqualTo(at);
    }

    [Fact]
    public void Timeline_MonthWithOverridesAndDstChange_IsContiguousWithoutOverlaps()
    {
        var rotation = Rotation([WeeklyPrimary, DailySecondary],
            new RotationOverride("secondary", Utc(2026, 3, 20, 6, 0), Utc(2026, 3, 22, 18, 0), "dave"),
            new RotationOverride(null, Utc(2026, 3, 21, 0, 0), Utc(2026, 3, 21, 4, 0), null),
            new RotationOverride("primary", Utc(2026, 4, 2, 0, 0), Utc(2026, 4, 9, 0, 0), "erin"));
        var from = Utc(2026, 3, 15, 10, 30);
        var to = Utc(2026, 4, 15, 10, 30);

        foreach (var layer in new[] { 0, 1 })
        {
            var shifts = rotation.Timeline(layer, from, to);

            shifts[0].From.ShouldBeLessThanOrEqualTo(from);
            shifts[^1].To.ShouldBeGreaterThanOrEqualTo(to);
            shifts[^2].To.ShouldBeLessThan(to);
            for (var i = 1; i < shifts.Count; i++)
            {
                shifts[i].From.ShouldBe(shifts[i - 1].To);
                shifts[i].To.ShouldBeGreaterThan(shifts[i].From);
            }
        }
    }

    [Fact]
    public void Timeline_SecondaryLayerAroundOverrides_ListsEachShiftInOrder()
    {
        var rotation = Rotation([WeeklyPrimary, DailySecondary],
            new RotationOverride("secondary", Utc(2026, 1, 7, 12, 0), Utc(2026, 1, 8, 12, 0), "dave"),
            new RotationOverride(null, Utc(2026, 1, 7, 20, 0), Utc(2026, 1, 7, 22, 0), null));

        var shifts = rotation.Timeline(1, Utc(2026, 1, 7, 10, 0), Utc(2026, 1, 9, 10, 0));

        shifts.Select(s => (s.Person, s.From, s.To)).ShouldBe(new (string?, DateTimeOffset, DateTimeOffset)[]
        {
            ("xavier", Utc(2026, 1, 7, 9, 0), Utc(2026, 1, 7, 12, 0)),
            ("dave", Utc(2026, 1, 7, 12, 0), Utc(2026, 1, 7, 20, 0)),
            (null, Utc(2026, 1, 7, 20, 0), Utc(2026, 1, 7, 22, 0)),
            ("dave", Utc(2026, 1, 7, 22, 0), Utc(2026, 1, 8, 12, 0)),
            ("yolanda", Utc(2026, 1, 8, 12, 0), Utc(2026, 1, 9, 9, 0)),
            ("xavier", Utc(2026, 1, 9, 9, 0), Utc(2026, 1, 10, 9, 0)),
        });
    }

    [Fact]
    public void Timeline_EmptyRange_IsEmpty()
    {
        Rotation(WeeklyPrimary).Timeline(0, Noon, Noon).ShouldBeEmpty();
    }

    [Fact]
    public void Timeline_EndBeforeStart_Throws()
    {
        Should.Throw<ArgumentException>(() => Rotation(WeeklyPrimary).Timeline(0, Noon, Noon.AddTicks(-1)));
    }

    [Fact]
    public void Timeline_GapForever_IsOneShift()
    {
        var rotation = Rotation(Layer("primary", TurnLength.Weekly, new DateOnly(2026, 1, 5), TimeSpan.FromHours(9)));

        rotation.Timeline(0, Utc(2026, 1, 1), Utc(2027, 1, 1)).Count.ShouldBe(1);
    }
}
