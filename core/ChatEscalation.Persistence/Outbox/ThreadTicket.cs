namespace ChatEscalation.Persistence.Outbox;

/// <summary>The ticket a chat thread is about (<see cref="OutboxStore.TicketOfThreadAsync"/>).</summary>
/// <param name="RaisedThere">True when the ticket was raised from the thread's first message (it is the ticket's source thread); false
/// when the thread is under one of the bot's own messages about it.</param>
public sealed record ThreadTicket(long Number, bool RaisedThere);
