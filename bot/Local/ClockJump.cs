namespace ChatEscalation.Bot.Local;

/// <summary>The jumps the emulator's demo clock offers; time only ever moves forward.</summary>
public enum ClockJump
{
    /// <summary>Thirty minutes later.</summary>
    ThirtyMinutes,
    /// <summary>To the next 18:00 in the staffed calendar's time zone (the end of the business day).</summary>
    EndOfDay,
    /// <summary>To the next Monday 08:00 in the staffed calendar's time zone.</summary>
    NextMonday,
}
