using System.Diagnostics;

namespace ChatEscalation.Persistence.Telemetry;

/// <summary>
/// The product's trace source (<c>ChatEscalation</c>, the name the host's OpenTelemetry listens to) and the span and tag names it
/// uses. Spans: <c>webhook</c> (one per inbound request or Socket Mode envelope), <c>decide</c> (a command or a tick run through
/// the engine), <c>commit</c> (the one SaveChanges of a decision), <c>outbox.deliver</c> (linked to the commit that wrote the
/// message) and <c>sweep</c>.
/// </summary>
public static class EscalationTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <c>Meter</c> name.</summary>
    public const string Name = "ChatEscalation";

    /// <summary>Tag: the ticket number.</summary>
    public const string TicketTag = "chatescalation.ticket";

    /// <summary>Tag: the platform (<c>slack</c>, <c>teams</c>, <c>local</c>).</summary>
    public const string PlatformTag = "chatescalation.platform";

    /// <summary>Tag: what kind of webhook, command or delivery.</summary>
    public const string KindTag = "chatescalation.kind";

    /// <summary>The span name of an inbound webhook.</summary>
    public const string WebhookSpan = "webhook";

    /// <summary>The trace source.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>
    /// Starts the <c>decide</c> span of <paramref name="operation"/> (a command type or <c>tick</c>) on <paramref name="ticket"/>
    /// (null while a raise has no number yet), and tags the enclosing webhook span with the ticket. Null when nobody listens.
    /// </summary>
    public static Activity? StartDecision(string operation, long? ticket)
    {
        var activity = Source.StartActivity("decide " + operation);
        activity?.SetTag(KindTag, operation);
        if (ticket is { } number) TagTicket(number);
        return activity;
    }

    /// <summary>Tags the current span and its enclosing spans of this source (decision, webhook) with <paramref name="ticket"/>.</summary>
    public static void TagTicket(long ticket)
    {
        for (var a = Activity.Current; a is not null; a = a.Parent)
        {
            if (a.Source == Source && a.GetTagItem(TicketTag) is null) a.SetTag(TicketTag, ticket);
        }
    }

    /// <summary>The W3C <c>traceparent</c> of the current span, stored on outbox rows; null when nothing is traced.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The span context of a stored <c>traceparent</c>, for a link; null when absent or malformed.</summary>
    public static ActivityContext? ParseTraceParent(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : null;
}
