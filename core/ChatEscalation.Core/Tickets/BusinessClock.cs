namespace ChatEscalation.Core.Tickets;

/// <summary>A clock that counts business time from <see cref="StartedAt"/>, minus the business time spent paused.</summary>
/// <remarks>
/// A target falls due at <c>calendar.Add(StartedAt, target + Paused)</c> once the clock runs again;
/// while <see cref="PausedSince"/> is set nothing falls due. Paused is measured in business time of the same calendar.
/// </remarks>
public sealed record BusinessClock(DateTimeOffset StartedAt, TimeSpan Paused, DateTimeOffset? PausedSince)
{
    public static BusinessClock StartAt(DateTimeOffset at) => new(at, TimeSpan.Zero, null);

    public bool IsPaused => PausedSince is not null;
}
