using ChatEscalation.Core.OnCall;

namespace ChatEscalation.Core.Tests.OnCall;

/// <summary>Shared zones, instants and rotations for the on-call tests. 2026-01-05 is a Monday; London is UTC+0 in winter, UTC+1 in summer.</summary>
internal static class OnCallFixtures
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static RotationLayer Layer(string name, TurnLength turn, DateOnly start, TimeSpan handoff, params string[] people) => new(name, people, turn, start, handoff);

    /// <summary>Weekly, Monday 09:00 London, from Monday 2026-01-05: alice, bob, carol.</summary>
    public static RotationLayer WeeklyPrimary => Layer("primary", TurnLength.Weekly, new DateOnly(2026, 1, 5), TimeSpan.FromHours(9), "alice", "bob", "carol");

    /// <summary>Daily 09:00 London, from 2026-01-05: xavier, yolanda.</summary>
    public static RotationLayer DailySecondary => Layer("secondary", TurnLength.Daily, new DateOnly(2026, 1, 5), TimeSpan.FromHours(9), "xavier", "yolanda");

    public static OnCallRotation Rotation(IReadOnlyList<RotationLayer> layers, params RotationOverride[] overrides) => new("tier2", London, layers, overrides);

    public static OnCallRotation Rotation(RotationLayer layer, params RotationOverride[] overrides) => Rotation([layer], overrides);
}
