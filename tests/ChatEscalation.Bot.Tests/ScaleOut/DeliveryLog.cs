using System.Collections.Concurrent;
using ChatEscalation.Bot.Outbox;

namespace ChatEscalation.Bot.Tests.ScaleOut;

/// <summary>Every delivery any host's senders made: which host, which outbox message, what came of it.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<(string Host, long OutboxId, string Platform, DeliveryResult Result)> entries = new();

    public IReadOnlyList<(string Host, long OutboxId, string Platform, DeliveryResult Result)> Entries => [.. entries];

    public void Add(string host, long outboxId, string platform, DeliveryResult result) => entries.Enqueue((host, outboxId, platform, result));
}
