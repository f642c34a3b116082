using System.Diagnostics;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Telemetry;

namespace ChatEscalation.Bot.Telemetry;

/// <summary>
/// The <c>outbox.deliver</c> span of one delivery attempt. It starts a trace of its own (a delivery runs later, on whichever
/// instance claims the message) linked to the commit that wrote the message (<see cref="OutboxMessage.TraceParent"/>), so a trace
/// viewer goes from the click to the card update it caused. The result is tagged and counted.
/// </summary>
public sealed class OutboxDeliveryTelemetry : IDisposable
{
    private readonly Activity? span;
    private readonly Activity? outer;
    private readonly EscalationMetrics? metrics;
    private readonly string platform;

    private OutboxDeliveryTelemetry(OutboxMessage message, EscalationMetrics? metrics)
    {
        (this.metrics, platform) = (metrics, message.Platform);
        var links = EscalationTelemetry.ParseTraceParent(message.TraceParent) is { } cause ? new[] { new ActivityLink(cause) } : null;
        // A root span even when the dispatcher runs inside a request (the emulator dispatches at once): the link, not the
        // parent, ties a delivery to its cause, the same whichever process or pass delivers it.
        outer = Activity.Current;
        Activity.Current = null;
        span = EscalationTelemetry.Source.StartActivity(ActivityKind.Producer, default(ActivityContext), null, links, name: "outbox.deliver");
        span?.SetTag(EscalationTelemetry.TicketTag, message.TicketNumber);
        span?.SetTag(EscalationTelemetry.PlatformTag, message.Platform);
        span?.SetTag(EscalationTelemetry.KindTag, message.Kind.ToString());
        span?.SetTag("chatescalation.audience", message.Audience); // "copies": the edits of every copy posted before
        span?.SetTag("chatescalation.outbox_id", message.Id);
        span?.SetTag("chatescalation.attempt", message.Attempts + 1);
    }

    /// <summary>Starts the span of delivering <paramref name="message"/> now.</summary>
    public static OutboxDeliveryTelemetry Start(OutboxMessage message, EscalationMetrics? metrics) => new(message, metrics);

    /// <summary>What the attempt came to; <paramref name="parked"/> when a retry used the last attempt.</summary>
    public void Complete(DeliveryResult result, bool parked = false)
    {
        var outcome = result switch
        {
            DeliveryResult.Sent => "sent",
            DeliveryResult.Skipped => "skipped",
            DeliveryResult.Failed => "parked",
            DeliveryResult.Retry when parked => "parked",
            _ => "retry",
        };
        span?.SetTag("chatescalation.result", outcome);
        if (outcome is "parked" or "retry") span?.SetStatus(ActivityStatusCode.Error, outcome);
        metrics?.RecordDelivery(platform, outcome);
    }

    /// <summary>Ends the span and puts back the span that was current before it.</summary>
    public void Dispose()
    {
        span?.Dispose();
        Activity.Current = outer;
    }
}
