using ChatEscalation.Bot.Outbox;

namespace ChatEscalation.Bot.Tests.ScaleOut;

/// <summary>Wraps a host's real platform sender and writes each delivery and its result to a <see cref="DeliveryLog"/>.</summary>
public sealed class RecordingChatSender(IChatSender inner, DeliveryLog log, string host) : IChatSender
{
    public string Platform => inner.Platform;

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var result = await inner.DeliverAsync(delivery, cancellationToken);
        log.Add(host, delivery.MessageId, delivery.Platform, result);
        return result;
    }

    public async Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken)
    {
        var result = await inner.DeliverReplyAsync(reply, cancellationToken);
        log.Add(host, reply.MessageId, reply.Platform, result);
        return result;
    }
}
