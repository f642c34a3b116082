using ChatEscalation.Core.OnCall;
using static ChatEscalation.Core.Tests.OnCall.OnCallFixtures;

namespace ChatEscalation.Core.Tests.OnCall;

public partial class OnCallRotationTests
{
    [Fact]
    public void WhoIsOnCall_OneMinuteBeforeMondayHandoff_IsOutgoingParticipant()
    {
        Rotation(WeeklyPrimary).WhoIsOnCall(0, Utc(2026, 1, 12, 8, 59)).ShouldBe("alice");
    }

    [Fact]
    public void WhoIsOnCall_AtMondayHandoff_IsIncomingParticipant()
    {
        Rotation(WeeklyPrimary).WhoIsOnCall(0, Utc(2026, 1, 12, 9, 0)).ShouldBe("bob");
    }

    [Fact]
    public void ShiftAt_WeeklyTurn_RunsMondayToMondayAtHandoff()
    {
        var shift = Rotation(WeeklyPrimary).ShiftAt(0, Utc(2026, 1, 15, 3, 0));

        shift.ShouldBe(new OnCallShift("primary", "bob", Utc(2026, 1, 12, 9, 0), Utc(2026, 1, 19, 9, 0)));
    }

    [Fact]
    public void WhoIsOnCall_AfterAllParticipantsHadATurn_WrapsToFirst()
    {
        Rotation(WeeklyPrimary).WhoIsOnCall(0, Utc(2026, 1, 26, 9, 0)).ShouldBe("alice");
    }

    [Fact]
    public void ShiftAt_WeeklyHandoffInSummer_HandsOffAtLocalNineWhichIsEightUtc()
    {
        // 2026-06-01 is a Monday, turn 21 (21 % 3 = 0, alice); London is UTC+1.
        var rotation = Rotation(WeeklyPrimary);

        rotation.WhoIsOnCall(0, Utc(2026, 6, 1, 7, 59)).ShouldBe("carol");
        rotation.ShiftAt(0, Utc(2026, 6, 1, 8, 0)).ShouldBe(new OnCallShift("primary", "alice", Utc(2026, 6, 1, 8, 0), Utc(2026, 6, 8, 8, 0)));
    }

    [Fact]
    public void ShiftAt_BeforeLayerStartDate_IsGapEndingAtFirstHandoff()
    {
        var shift = Rotation(WeeklyPrimary).ShiftAt(0, Utc(2026, 1, 5, 8, 59));

        shift.ShouldBe(new OnCallShift("primary", null, DateTimeOffset.MinValue, Utc(2026, 1, 5, 9, 0)));
    }

    [Fact]
    public void WhoIsOnCall_AtFirstHandoff_IsFirstParticipant()
    {
        Rotation(WeeklyPrimary).WhoIsOnCall(0, Utc(2026, 1, 5, 9, 0)).ShouldBe("alice");
    }

    [Fact]
    public void ShiftAt_EmptyParticipants_IsGapForever()
    {
        var shift = Rotation(Layer("primary", TurnLength.Daily, new DateOnly(2026, 1, 5), TimeSpan.FromHours(9))).ShiftAt(0, Utc(2026, 3, 1));

        shift.ShouldBe(new OnCallShift("primary", null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void WhoIsOnCall_TwoLayers_EachLayerFollowsItsOwnTurns()
    {
        var rotation = Rotation([WeeklyPrimary, DailySecondary]);
        var at = Utc(2026, 1, 7, 12, 0); // Wednesday: primary week 0, secondary day 2

        rotation.WhoIsOnCall(0, at).ShouldBe("alice");
        rotation.WhoIsOnCall(1, at).ShouldBe("xavier");
        rotation.WhoIsOnCall(1, at.AddDays(1)).ShouldBe("yolanda");
    }

    [Fact]
    public void ShiftAt_LayerIndexOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Rotation(WeeklyPrimary).ShiftAt(1, Utc(2026, 2, 1)));
    }
}
