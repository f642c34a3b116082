using System.Threading.Channels;

namespace ChatEscalation.Bot.Local;

/// <summary>One listener's stream of <see cref="LocalStoreChange"/>s; disposing it unsubscribes.</summary>
public sealed class LocalSubscription(ChannelReader<LocalStoreChange> reader, Action unsubscribe) : IDisposable
{
    private int _disposed;

    public ChannelReader<LocalStoreChange> Changes => reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
    }
}
