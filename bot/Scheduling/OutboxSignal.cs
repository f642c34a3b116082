namespace ChatEscalation.Bot.Scheduling;

/// <summary>Wakes the outbox dispatcher as soon as a decision with messages has been committed.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try { _pending.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
