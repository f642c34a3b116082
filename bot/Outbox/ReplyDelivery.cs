using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Outbox;

/// <summary>The bot's answer to a person, from the outbox: where to answer (<see cref="Route"/>, the platform's own JSON) and what to say.</summary>
/// <param name="Card">The ticket the answer is about, as it is now (rendered as a card), or null.</param>
/// <param name="Uncertain">An earlier attempt may have delivered it: check before sending again where the platform allows.</param>
/// <param name="CreatedAt">When the answer was written (an earlier attempt cannot be older).</param>
public sealed record ReplyDelivery(long MessageId, string Platform, string Route, string Text, Ticket? Ticket, TicketCardView? Card, bool Uncertain, DateTimeOffset CreatedAt);
