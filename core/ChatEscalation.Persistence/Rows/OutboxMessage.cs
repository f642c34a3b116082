using ChatEscalation.Core.Notifications;

namespace ChatEscalation.Persistence.Rows;

/// <summary>One notification for one platform, written in the same transaction as the decision that caused it.</summary>
/// <remarks>
/// <see cref="Id"/> orders delivery per <see cref="Lane"/>: a ticket on one platform (<c>42:slack</c>), or one conversation for
/// replies (<c>reply:slack:D0123</c>). <see cref="Audience"/> is readable (<c>tier-2</c>, <c>managers</c>, <c>on-call</c>,
/// <c>dm:email</c>); <see cref="AudienceJson"/> round-trips the <see cref="Core.Notifications.Audience"/>.
/// <see cref="IdempotencyKey"/> is unique: <c>ticket/version/index/platform</c> for notifications, <c>reply/platform/receipt</c> for replies.
/// A <see cref="Core.Notifications.NotificationKind.Reply"/> carries its platform's address and extras in <see cref="RouteJson"/>
/// (opaque here) and <see cref="TicketNumber"/> 0 when it is about no ticket.
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

    /// <summary>The delivery line this message waits its turn in (see remarks).</summary>
    public string Lane { get; set; } = "";

    /// <summary>Replies only: where and how to answer, as the platform's sender wrote it.</summary>
    public string? RouteJson { get; set; }

    /// <summary>
    /// True when an earlier attempt may have delivered it (a timeout or a server error after the request went out, or a lease that
    /// ran out mid-send): the sender checks before sending again, or reports it unconfirmed where the platform cannot be asked.
    /// </summary>
    public bool Uncertain { get; set; }

    /// <summary>
    /// The SQL filter of the partial indexes over messages still to send (<see cref="OutboxState.Pending"/> or
    /// <see cref="OutboxState.Sending"/>), written as the poll's own condition so both databases match it to the query.
    /// </summary>
    public const string UnsentFilter = "\"State\" IN ('Pending', 'Sending')";

    /// <summary>The lane of a ticket's notifications on one platform.</summary>
    public static string TicketLane(long ticketNumber, string platform) => $"{ticketNumber}:{platform}";

    /// <summary>The W3C <c>traceparent</c> of the commit that wrote the message, so its delivery span links to the request that caused it; null when nothing was traced.</summary>
    public string? TraceParent { get; set; }
}
