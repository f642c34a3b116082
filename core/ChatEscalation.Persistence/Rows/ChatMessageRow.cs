namespace ChatEscalation.Persistence.Rows;

/// <summary>Where a ticket's card was posted on a platform, per logical channel (<c>tier-1</c>, <c>managers</c> …).</summary>
/// <remarks>Lets the dispatcher edit the card in place and reply in its thread. <see cref="MessageId"/> is a Slack <c>ts</c> or a Teams activity id.</remarks>
public sealed class ChatMessageRow
{
    public long TicketNumber { get; set; }
    public string Platform { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public string? ConversationId { get; set; }
    public string? ServiceUrl { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
