using ChatEscalation.Bot.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>
/// A <c>local</c> <see cref="IChatSender"/> whose answer to each delivery is chosen by <see cref="Answer"/> (default: sent);
/// it records every attempt and every successful delivery in order, with the fake time.
/// </summary>
public sealed class ScriptedSender(FakeTimeProvider time) : IChatSender
{
    private readonly object _gate = new();
    private readonly List<(Delivery Delivery, DateTimeOffset At)> _attempts = [];
    private readonly List<(Delivery Delivery, DateTimeOffset At)> _delivered = [];

    public string Platform => "local";

    /// <summary>The fake clock it stamps attempts with (the host's).</summary>
    public FakeTimeProvider Time => time;

    /// <summary>Decides the result of a delivery at the current fake time; null means sent.</summary>
    public Func<Delivery, DateTimeOffset, DeliveryResult?> Answer { get; set; } = (_, _) => null;

    public IReadOnlyList<(Delivery Delivery, DateTimeOffset At)> Attempts { get { lock (_gate) return [.. _attempts]; } }

    public IReadOnlyList<(Delivery Delivery, DateTimeOffset At)> Delivered { get { lock (_gate) return [.. _delivered]; } }

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = Answer(delivery, now);
        lock (_gate)
        {
            _attempts.Add((delivery, now));
            if (result is null) _delivered.Add((delivery, now));
        }
        return Task.FromResult(result ?? Sent(delivery));
    }

    /// <summary>Replies are not scripted here: skipped.</summary>
    public Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Skipped("replies are not scripted"));

    /// <summary>Sent; a card keeps (or gets) a card reference so later changes edit it in place.</summary>
    private static DeliveryResult Sent(Delivery delivery)
    {
        var id = $"m{delivery.MessageId}";
        if (delivery.Kind != Core.Notifications.NotificationKind.Card) return new DeliveryResult.Sent(id);
        return new DeliveryResult.Sent(id, delivery.ExistingCard ?? new CardRef(delivery.ChannelId ?? delivery.To.ToString(), id));
    }
}
