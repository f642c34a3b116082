using System.Diagnostics;
using ChatEscalation.Persistence.Telemetry;

namespace ChatEscalation.Bot.Telemetry;

/// <summary>
/// The <c>webhook</c> span and latency of one inbound request or Socket Mode envelope: tagged with the platform, the kind
/// (refined by the endpoint once it has read the body, e.g. the Teams activity type) and, by the decision it leads to, the ticket.
/// </summary>
public sealed class WebhookTelemetry : IDisposable
{
    private const string ItemKey = "ChatEscalation.Webhook";
    private readonly EscalationMetrics? metrics;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly Activity? span;

    private WebhookTelemetry(string platform, string kind, EscalationMetrics? metrics, TimeProvider time)
    {
        (Platform, Kind, this.metrics, this.time) = (platform, kind, metrics, time);
        started = time.GetTimestamp();
        span = EscalationTelemetry.Source.StartActivity(EscalationTelemetry.WebhookSpan, ActivityKind.Internal);
        span?.SetTag(EscalationTelemetry.PlatformTag, platform);
        span?.SetTag(EscalationTelemetry.KindTag, kind);
        span?.DisplayName = $"{EscalationTelemetry.WebhookSpan} {platform} {kind}";
    }

    /// <summary><c>slack</c>, <c>teams</c> or <c>local</c>.</summary>
    public string Platform { get; }

    /// <summary>What came in, as precisely as known so far.</summary>
    public string Kind { get; private set; }

    /// <summary>Starts the span (and the latency clock) of one inbound webhook.</summary>
    public static WebhookTelemetry Start(string platform, string kind, EscalationMetrics? metrics, TimeProvider time) => new(platform, kind, metrics, time);

    /// <summary>Starts one for a request and remembers it on the request, so the endpoint can refine its kind.</summary>
    public static WebhookTelemetry Start(HttpContext http, string platform, string kind)
    {
        var services = http.RequestServices;
        var webhook = new WebhookTelemetry(platform, kind, services.GetService<EscalationMetrics>(), services.GetService<TimeProvider>() ?? TimeProvider.System);
        http.Items[ItemKey] = webhook;
        return webhook;
    }

    /// <summary>Refines the kind of the request's webhook (no-op when the request is not one).</summary>
    public static void SetKind(HttpContext http, string? kind)
    {
        if (string.IsNullOrEmpty(kind) || http.Items[ItemKey] is not WebhookTelemetry webhook) return;
        webhook.Kind = kind;
        webhook.span?.SetTag(EscalationTelemetry.KindTag, kind);
        webhook.span?.DisplayName = $"{EscalationTelemetry.WebhookSpan} {webhook.Platform} {kind}";
    }

    /// <summary>Marks the span failed (an unhandled exception, or a 5xx answer).</summary>
    public void Fail(string reason) => span?.SetStatus(ActivityStatusCode.Error, reason);

    /// <summary>Records the latency and ends the span.</summary>
    public void Dispose()
    {
        metrics?.RecordWebhook(Platform, Kind, time.GetElapsedTime(started));
        span?.Dispose();
    }
}
