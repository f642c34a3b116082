using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatEscalation.Core.Events;

namespace ChatEscalation.Persistence.Telemetry;

/// <summary>
/// The product's metrics, on a <see cref="Meter"/> named <see cref="EscalationTelemetry.Name"/> from the host's
/// <see cref="IMeterFactory"/>. Ticket metrics are derived from the audit events a decision commits (the engine stays pure);
/// the outbox gauges read <see cref="OutboxGauges"/>, which the host samples.
/// </summary>
/// <remarks>
/// Instruments (units in the names' sense of OpenTelemetry):
/// <list type="bullet">
/// <item><c>chatescalation.tickets.raised</c> {ticket}, tag <c>priority</c>;</item>
/// <item><c>chatescalation.escalations</c> {escalation}, tag <c>kind</c> = <c>functional</c> (a person moved it up a tier),
/// <c>automatic</c> (the time trigger did), <c>hierarchical</c> (the managers were brought in: asked for, 90 % ping or breach);</item>
/// <item><c>chatescalation.sla.warnings</c> (75 % to the lead, 90 % to the managers, tag <c>level</c>) and <c>chatescalation.sla.breaches</c>;</item>
/// <item><c>chatescalation.pages.sent</c>, <c>chatescalation.pages.acknowledged</c>, <c>chatescalation.pages.time_to_acknowledge</c> (s);</item>
/// <item><c>chatescalation.outbox.backlog</c>, <c>chatescalation.outbox.oldest_pending_age</c> (s), <c>chatescalation.outbox.parked</c> (gauges),
/// <c>chatescalation.outbox.deliveries</c>, tags <c>platform</c>, <c>result</c>;</item>
/// <item><c>chatescalation.sweep.duration</c> (s) and <c>chatescalation.deadlines.fired</c> (tickets whose due deadlines fired);</item>
/// <item><c>chatescalation.webhook.duration</c> (s), tags <c>platform</c>, <c>kind</c>.</item>
/// </list>
/// </remarks>
public sealed class EscalationMetrics
{
    private readonly Counter<long> raised;
    private readonly Counter<long> escalations;
    private readonly Counter<long> slaWarnings;
    private readonly Counter<long> slaBreaches;
    private readonly Counter<long> pagesSent;
    private readonly Counter<long> pagesAcknowledged;
    private readonly Histogram<double> timeToAcknowledge;
    private readonly Counter<long> deliveries;
    private readonly Histogram<double> sweepDuration;
    private readonly Counter<long> deadlinesFired;
    private readonly Histogram<double> webhookDuration;

    public EscalationMetrics(IMeterFactory meterFactory, OutboxGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(gauges);
        var meter = meterFactory.Create(EscalationTelemetry.Name);
        raised = meter.CreateCounter<long>("chatescalation.tickets.raised", "{ticket}", "Tickets raised");
        escalations = meter.CreateCounter<long>("chatescalation.escalations", "{escalation}", "Escalations by kind: functional, automatic, hierarchical");
        slaWarnings = meter.CreateCounter<long>("chatescalation.sla.warnings", "{warning}", "SLA warnings (75 % to the tier lead, 90 % to the managers)");
        slaBreaches = meter.CreateCounter<long>("chatescalation.sla.breaches", "{breach}", "SLA breaches reported to the managers");
        pagesSent = meter.CreateCounter<long>("chatescalation.pages.sent", "{page}", "After-hours pages sent (first pages and re-pages)");
        pagesAcknowledged = meter.CreateCounter<long>("chatescalation.pages.acknowledged", "{page}", "After-hours pages acknowledged");
        timeToAcknowledge = meter.CreateHistogram<double>("chatescalation.pages.time_to_acknowledge", "s", "From the first page to its acknowledgement");
        deliveries = meter.CreateCounter<long>("chatescalation.outbox.deliveries", "{message}", "Outbox delivery attempts by platform and result");
        sweepDuration = meter.CreateHistogram<double>("chatescalation.sweep.duration", "s", "How long one deadline sweep took");
        deadlinesFired = meter.CreateCounter<long>("chatescalation.deadlines.fired", "{ticket}", "Tickets whose due deadlines fired in a sweep");
        webhookDuration = meter.CreateHistogram<double>("chatescalation.webhook.duration", "s", "Inbound webhook latency by platform");
        meter.CreateObservableGauge("chatescalation.outbox.backlog", () => gauges.Current.Backlog, "{message}", "Outbox messages waiting to be delivered");
        meter.CreateObservableGauge("chatescalation.outbox.oldest_pending_age", () => gauges.Current.OldestPendingAge.TotalSeconds, "s", "Age of the oldest undelivered outbox message");
        meter.CreateObservableGauge("chatescalation.outbox.parked", () => gauges.Current.Parked, "{message}", "Parked outbox messages waiting for a person");
    }

    /// <summary>Counts what committed audit events say happened.</summary>
    public void RecordCommitted(IEnumerable<CommittedEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case EventKind.Raised:
                    raised.Add(1, new KeyValuePair<string, object?>("priority", e.Priority));
                    break;
                case EventKind.Escalated:
                    escalations.Add(1, Kind("functional"));
                    break;
                case EventKind.AutoEscalated:
                    escalations.Add(1, Kind("automatic"));
                    break;
                case EventKind.ManagerEscalated:
                    escalations.Add(1, Kind("hierarchical"));
                    break;
                case EventKind.SlaWarned:
                    slaWarnings.Add(1, new KeyValuePair<string, object?>("level", "lead"));
                    break;
                case EventKind.ManagerPinged:
                    slaWarnings.Add(1, new KeyValuePair<string, object?>("level", "manager"));
                    escalations.Add(1, Kind("hierarchical"));
                    break;
                case EventKind.SlaBreached:
                    slaBreaches.Add(1);
                    escalations.Add(1, Kind("hierarchical"));
                    break;
                case EventKind.Paged:
                    pagesSent.Add(1);
                    break;
                case EventKind.PageAcknowledged:
                    pagesAcknowledged.Add(1);
                    if (e.PageWaited is { } waited) timeToAcknowledge.Record(waited.TotalSeconds);
                    break;
            }
        }
    }

    /// <summary>One outbox delivery attempt and what became of it (<c>sent</c>, <c>retry</c>, <c>parked</c>, <c>skipped</c>).</summary>
    public void RecordDelivery(string platform, string result) =>
        deliveries.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("result", result));

    /// <summary>One sweep: how long it took and on how many tickets deadlines fired.</summary>
    public void RecordSweep(TimeSpan duration, int ticketsFired)
    {
        sweepDuration.Record(duration.TotalSeconds);
        if (ticketsFired > 0) deadlinesFired.Add(ticketsFired);
    }

    /// <summary>One inbound webhook's latency.</summary>
    public void RecordWebhook(string platform, string kind, TimeSpan duration) =>
        webhookDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("kind", kind));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
