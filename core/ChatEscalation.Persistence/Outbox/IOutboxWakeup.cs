namespace ChatEscalation.Persistence.Outbox;

/// <summary>
/// Told after every commit that wrote outbox rows, so the dispatcher delivers now instead of at its next scheduled pass.
/// The workflows, the sweep and the outbox store call it; adapters never do. The host implements it (a wake-up signal).
/// </summary>
/// <remarks>Must not block or throw: it is called on the request path right after the commit.</remarks>
public interface IOutboxWakeup
{
    void Wake();
}
