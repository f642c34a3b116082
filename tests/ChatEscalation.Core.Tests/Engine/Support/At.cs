namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>Instants used by the engine tests. January 2026 in London is UTC+0, so a London wall-clock time equals its UTC time.</summary>
/// <remarks>2026-01-05 is a Monday; 2026-01-09 a Friday; 2026-12-24 a Thursday before the Christmas holidays (25th and 28th).</remarks>
internal static class At
{
    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>Monday 2026-01-05 09:00 London (= UTC): inside business hours.</summary>
    public static readonly DateTimeOffset MondayNine = Utc(2026, 1, 5, 9);

    /// <summary>Friday 2026-01-09 17:50 London (= UTC): ten minutes before the desk closes.</summary>
    public static readonly DateTimeOffset FridayTenToSix = Utc(2026, 1, 9, 17, 50);

    public static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);
}
