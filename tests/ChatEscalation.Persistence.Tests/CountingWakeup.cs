using ChatEscalation.Persistence.Outbox;

namespace ChatEscalation.Persistence.Tests;

/// <summary>An <see cref="IOutboxWakeup"/> that counts how often it was woken.</summary>
public sealed class CountingWakeup : IOutboxWakeup
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Wake() => Interlocked.Increment(ref _count);
}
