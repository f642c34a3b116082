namespace ChatEscalation.Persistence.Outbox;

/// <summary>The default <see cref="IOutboxWakeup"/> when the host registers none: the dispatcher's schedule alone delivers.</summary>
public sealed class NoOutboxWakeup : IOutboxWakeup
{
    public void Wake() { }
}
