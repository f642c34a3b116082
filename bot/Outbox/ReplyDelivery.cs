using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Outbox;

/// <summary>The bot's answer to a person, from the outbox: where to answer (<see cref="Route"/>, the platform's own JSON) and what to say.</summary>
/// <param name="Card">The ticket the answer is about, as it is now (rendered as a card), or null.</param>
/// <param name="Uncertain">An earlier attempt may have delivered it: check before sending again where the platform allows.</param>
/// <param name="CreatedAt">When the answer was written (an earlier attempt cannot be older).</param>
/// <remarks>
/// A sender answers with <see cref="Core.Views.TicketCopies.Answer"/> of the card: the reporter's copy (their own buttons) for the
/// ticket's reporter, no buttons for anybody else; and returns <see cref="DeliveryResult.Sent.Card"/> when it posted a reporter's copy it
/// can edit later (not for ephemeral answers), so the copy is kept up to date.
/// </remarks>
public sealed record ReplyDelivery(long MessageId, string Platform, string Route, string Text, Ticket? Ticket, TicketCardView? Card, bool Uncertain, DateTimeOffset CreatedAt)
{
    /// <summary>The person answered; null when unknown.</summary>
    public UserRef? To { get; init; }

    /// <summary>The card to show <see cref="To"/>: their answer copy of <see cref="Card"/> (see remarks); null without a card.</summary>
    public TicketCardView? AnswerCard => Card is null ? null : Core.Views.TicketCopies.Answer(Card, To);

    /// <summary>True when <see cref="AnswerCard"/> is the reporter's copy (it has the reporter's buttons, and is kept up to date).</summary>
    public bool IsReporterCopy => Card is not null && To is not null && To.Is(Card.Reporter);
}
