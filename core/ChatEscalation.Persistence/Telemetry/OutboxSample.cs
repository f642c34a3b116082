namespace ChatEscalation.Persistence.Telemetry;

/// <summary>The outbox at one moment.</summary>
/// <param name="Backlog">Messages pending or being sent.</param>
/// <param name="OldestPendingAge">How long the oldest of them has waited since it was written (zero when none).</param>
/// <param name="Parked">Parked messages.</param>
public sealed record OutboxSample(int Backlog, TimeSpan OldestPendingAge, int Parked)
{
    /// <summary>Nothing waiting.</summary>
    public static OutboxSample Empty { get; } = new(0, TimeSpan.Zero, 0);
}
