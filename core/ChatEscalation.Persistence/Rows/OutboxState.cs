namespace ChatEscalation.Persistence.Rows;

/// <summary>Where an outbox message is in its delivery; persisted as a string.</summary>
public enum OutboxState
{
    /// <summary>Waiting for <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,
    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.NextAttemptAt"/> (a lease); claimable again after it.</summary>
    Sending,
    Sent,
    /// <summary>Failed for good; a person has to look at it.</summary>
    Parked,
    /// <summary>Nothing to deliver on this platform (unknown user, channel not configured).</summary>
    Skipped,
}
