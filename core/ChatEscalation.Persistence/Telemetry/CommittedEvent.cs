using ChatEscalation.Core.Events;

namespace ChatEscalation.Persistence.Telemetry;

/// <summary>An audit event as a metric sees it, once its decision committed.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Priority">The ticket's priority then (<c>P1</c> … <c>P4</c>).</param>
/// <param name="PageWaited">For <see cref="EventKind.PageAcknowledged"/>: how long the page waited for it; otherwise null.</param>
public sealed record CommittedEvent(EventKind Kind, string Priority, TimeSpan? PageWaited);
