using ChatEscalation.Core.Notifications;

namespace ChatEscalation.Persistence.Rows;

/// <summary>One notification for one platform, written in the same transaction as the decision that caused it.</summary>
/// <remarks>
/// <see cref="Id"/> orders delivery per ticket and platform. <see cref="Audience"/> is readable (<c>tier-2</c>, <c>managers</c>,
/// <c>on-call</c>, <c>dm:email</c>); <see cref="AudienceJson"/> round-trips the <see cref="Core.Notifications.Audience"/>.
/// <see cref="IdempotencyKey"/> is <c>ticket/version/index/platform</c> and unique.
/// </remarks>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public string Platform { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public string Audience { get; set; } = "";
    public string AudienceJson { get; set; } = "";
    public string Text { get; set; } = "";
    public string ActionsJson { get; set; } = "[]";
    public bool Urgent { get; set; }
    public int TicketVersion { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public string? PlatformMessageId { get; set; }
    public string IdempotencyKey { get; set; } = "";

    /// <summary>The W3C <c>traceparent</c> of the commit that wrote the message, so its delivery span links to the request that caused it; null when nothing was traced.</summary>
    public string? TraceParent { get; set; }
}
