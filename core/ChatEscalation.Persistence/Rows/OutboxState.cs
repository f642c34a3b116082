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
    /// <summary>
    /// The platform may or may not have it: an attempt ended without an answer and the platform offers no way to check (a Teams
    /// activity has no idempotency key), so it is not sent blindly again. Shown for a person to send again; never blocks its lane.
    /// </summary>
    Unconfirmed,
}
