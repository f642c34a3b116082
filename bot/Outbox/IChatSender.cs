namespace ChatEscalation.Bot.Outbox;

/// <summary>The one seam per platform on the way out: the outbox dispatcher hands each message to the sender of its platform.</summary>
/// <remarks>Senders never decide anything; they render the view and call their platform. Exceptions count as <see cref="DeliveryResult.Retry"/>.</remarks>
public interface IChatSender
{
    /// <summary><c>slack</c>, <c>teams</c> or <c>local</c>.</summary>
    string Platform { get; }

    Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Delivers the bot's answer to a person in the conversation they used (<see cref="ReplyDelivery.Route"/>, written by this platform's inbound side).</summary>
    Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken);
}
