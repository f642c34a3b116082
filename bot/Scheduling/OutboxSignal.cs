using ChatEscalation.Persistence.Outbox;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Wakes the outbox dispatcher (<see cref="OutboxWakeupService"/>) as soon as a commit with messages is done; the persistence layer calls it.</summary>
/// <remarks>Per process: with several instances, a commit on one wakes only its own dispatcher; the others deliver at their next pass.</remarks>
public sealed class OutboxSignal : IOutboxWakeup
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try { _pending.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
