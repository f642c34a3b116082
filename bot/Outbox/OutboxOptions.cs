using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Outbox;

/// <summary>The <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>Delivery attempts before a message is parked. Default 12 (about 15 minutes of backoff).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;
}
