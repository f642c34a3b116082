namespace ChatEscalation.Bot.Outbox;

/// <summary>What a platform sender made of a delivery.</summary>
public abstract record DeliveryResult
{
    /// <summary>Delivered. <see cref="Card"/> is set when a card was posted or updated (stored to edit it later).</summary>
    public sealed record Sent(string? MessageId, CardRef? Card = null) : DeliveryResult;

    /// <summary>Nothing to do on this platform (the person is not known there, the channel is not configured).</summary>
    public sealed record Skipped(string Reason) : DeliveryResult;

    /// <summary>A transient failure or throttling: try again, no sooner than <see cref="After"/> when given.</summary>
    public sealed record Retry(string Error, TimeSpan? After = null) : DeliveryResult;

    /// <summary>A permanent failure: the message is parked for a person to look at.</summary>
    public sealed record Failed(string Error) : DeliveryResult;
}
