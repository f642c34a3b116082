using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Outbox;

/// <summary>The <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>How much longer than <see cref="SendTimeout"/> the <see cref="ClaimLease"/> must be at least (the claim and the bookkeeping around a send).</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(1);

    /// <summary>Delivery attempts before a message is parked. Default 12 (about 15 minutes of backoff).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// The longest one delivery attempt may run (its platform calls included) before it is abandoned and counted as uncertain.
    /// Default 60 s; it must stay below <see cref="ClaimLease"/>, so no other dispatcher takes a message while it may still be sent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a message claimed for a send stays with that dispatcher (this instance) before another may take it, marked uncertain.
    /// After a crash mid-send this is how long the message waits. Default 2 minutes; at least <see cref="LeaseMargin"/> longer than <see cref="SendTimeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = ChatEscalation.Persistence.Outbox.OutboxStore.ClaimLease;

    /// <summary>
    /// How many sends run at once per platform. Default 4: with a platform's usual 100–300 ms a call, one at a time would deliver only a
    /// few messages a second after a burst of tickets; per platform, so one answering slowly or not at all (each send up to
    /// <see cref="SendTimeout"/>) holds up only its own messages. A lane (a ticket on one platform, a conversation's replies) is always
    /// delivered one message at a time, in order. 1 delivers everything one at a time.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// Deliver right after each commit that wrote messages (a wake-up in this process), besides the scheduled pass. Default true;
    /// independent of <c>Scheduler:Enabled</c>, which runs the timed jobs.
    /// </summary>
    public bool DispatchOnCommit { get; set; } = true;
}
