using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Outbox;

/// <summary>One outbox message ready for a platform sender, with the ticket's current state to render.</summary>
/// <remarks>
/// Card: edit <see cref="ExistingCard"/> in place, or post a new card to <see cref="ChannelId"/>.
/// ThreadUpdate: reply in the thread of <see cref="ExistingCard"/> (a plain post in the channel when there is no card yet).
/// Direct: a direct message to <c>To.Person</c> (by e-mail key); a person unknown on the platform is skipped, not an error.
/// Alert: a post with buttons in <see cref="ChannelId"/> (manager or on-call channel).
/// With <see cref="EditCopy"/> set, the delivery brings a copy posted before up to date instead (see <see cref="Core.Views.TicketCopies"/>):
/// a queue card (Card), the reporter's answer card (Reply, <see cref="Text"/> = the words it was posted with) or a message with buttons
/// (Alert, Direct), edited in place and never posted again; a copy that is gone from the platform is Failed, so it is forgotten.
/// A sender returns <see cref="DeliveryResult.Sent.Card"/> for a posted Alert or Direct with buttons, so it can be brought up to date later.
/// </remarks>
public sealed record Delivery(
    long MessageId,
    string Platform,
    NotificationKind Kind,
    Audience To,
    string Text,
    IReadOnlyList<string> Actions,
    bool Urgent,
    Ticket Ticket,
    TicketCardView Card,
    string? ChannelId,
    CardRef? ExistingCard)
{
    /// <summary>An earlier attempt may have delivered it: check before sending again where the platform allows.</summary>
    public bool Uncertain { get; init; }

    /// <summary>When the message was written (an earlier attempt cannot be older).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A copy posted before, to edit in place (never post); null for a new message.</summary>
    public CardRef? EditCopy { get; init; }
}
