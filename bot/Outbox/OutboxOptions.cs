using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Outbox;

/// <summary>The <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>Delivery attempts before a message is parked. Default 12 (about 15 minutes of backoff).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// The longest one delivery attempt may run (its platform calls included) before it is abandoned and counted as uncertain.
    /// Default 60 s; it must stay below the claim lease (2 min), so no other dispatcher takes a message while it may still be sent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:45")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Deliver right after each commit that wrote messages (a wake-up in this process), besides the scheduled pass. Default true;
    /// independent of <c>Scheduler:Enabled</c>, which runs the timed jobs.
    /// </summary>
    public bool DispatchOnCommit { get; set; } = true;
}
