namespace ChatEscalation.Bot.Outbox;

/// <summary>What a platform sender made of a delivery.</summary>
public abstract record DeliveryResult
{
    /// <summary>Delivered. <see cref="Card"/> is set when a card was posted or updated (stored to edit it later).</summary>
    public sealed record Sent(string? MessageId, CardRef? Card = null) : DeliveryResult;

    /// <summary>Nothing to do on this platform (the person is not known there, the channel is not configured).</summary>
    public sealed record Skipped(string Reason) : DeliveryResult;

    /// <summary>
    /// A transient failure or throttling: try again, no sooner than <see cref="After"/> when given. <see cref="Uncertain"/>: the
    /// request went out and may have been carried out (a timeout, a server error), so the next attempt checks before sending again.
    /// </summary>
    public sealed record Retry(string Error, TimeSpan? After = null, bool Uncertain = false) : DeliveryResult
    {
        /// <summary>The platform refused it for the rate (429): its other sends wait as long too (<see cref="PlatformPauses"/>).</summary>
        public bool Throttled { get; init; }
    }

    /// <summary>
    /// The request may have been carried out and the platform offers no way to check (a Teams activity has no idempotency key): it is
    /// not sent again on its own; a person can send it again from the dashboard.
    /// </summary>
    public sealed record Unconfirmed(string Error) : DeliveryResult;

    /// <summary>A permanent failure: the message is parked for a person to look at.</summary>
    public sealed record Failed(string Error) : DeliveryResult;
}
