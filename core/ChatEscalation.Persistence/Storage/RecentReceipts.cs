using System.Collections.Concurrent;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// The receipts (<see cref="InboundReceipt"/>) this process saw committed lately, in memory and bounded: a redelivery or a double
/// click is recognised without a database read. The <c>InboundEvents</c> row written with the work stays the durable record; a key
/// not here (another instance took it, the process restarted, it was evicted) is decided by the database as before.
/// </summary>
/// <remarks>Holds at most <see cref="Capacity"/> keys; the oldest remembered is forgotten first. Thread-safe.</remarks>
public sealed class RecentReceipts(int capacity = RecentReceipts.DefaultCapacity)
{
    /// <summary>Default bound: 65,536 keys (a few MiB), far more than platforms redeliver within their retry windows.</summary>
    public const int DefaultCapacity = 65_536;

    private readonly ConcurrentDictionary<(string Platform, string Key), byte> keys = new();
    private readonly ConcurrentQueue<(string Platform, string Key)> order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many keys are remembered now.</summary>
    public int Count => keys.Count;

    /// <summary>True when <paramref name="receipt"/> was remembered and not yet evicted.</summary>
    public bool Contains(InboundReceipt receipt) => keys.ContainsKey((receipt.Platform, receipt.StoredKey));

    /// <summary>Remembers a receipt that is on record in the database (committed, or found there).</summary>
    public void Remember(InboundReceipt receipt)
    {
        var key = (receipt.Platform, receipt.StoredKey);
        if (!keys.TryAdd(key, 0)) return;
        order.Enqueue(key);
        while (keys.Count > Capacity && order.TryDequeue(out var oldest)) keys.TryRemove(oldest, out _);
    }
}
