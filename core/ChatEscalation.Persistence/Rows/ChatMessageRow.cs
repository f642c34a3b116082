namespace ChatEscalation.Persistence.Rows;

/// <summary>A copy of a ticket the bot posted on a platform: a queue card, an answer card or a message with buttons.</summary>
/// <remarks>
/// Lets the dispatcher edit the card in place, reply in its thread, and bring every copy up to date after each change
/// (<see cref="Outbox.CardCopyStore"/>). <see cref="Channel"/> names the copy: the logical channel of a queue card (<c>tier-1</c>),
/// <c>reply:&lt;id&gt;</c> for an answer card, <c>msg:&lt;outbox id&gt;</c> for a message with buttons. <see cref="MessageId"/> is a
/// Slack <c>ts</c>, a Teams activity id or an emulator message id.
/// </remarks>
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

    /// <summary>
    /// Messages with buttons: the action ids the copy shows now, comma-separated (empty: none); null for cards, which are re-rendered
    /// after every change.
    /// </summary>
    public string? Actions { get; set; }

    /// <summary>The ticket version the copy was last rendered from (0: not known): a copy at a change's version or later is up to date.</summary>
    public int ShownVersion { get; set; }
}
