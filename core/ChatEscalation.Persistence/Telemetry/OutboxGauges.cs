namespace ChatEscalation.Persistence.Telemetry;

/// <summary>The latest outbox sample the gauges report (the host samples the database periodically; a gauge never queries it).</summary>
public sealed class OutboxGauges
{
    private volatile OutboxSample current = OutboxSample.Empty;

    /// <summary>The latest sample; <see cref="OutboxSample.Empty"/> before the first.</summary>
    public OutboxSample Current => current;

    /// <summary>Replaces the sample.</summary>
    public void Set(OutboxSample sample) => current = sample ?? throw new ArgumentNullException(nameof(sample));
}
