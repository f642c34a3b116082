namespace ChatEscalation.Core.Notifications;

/// <summary>Who a notification is for, independent of the chat platform.</summary>
public enum AudienceKind
{
    TierQueue,
    ManagerChannel,
    OnCallChannel,
    Person,

    /// <summary>The thread a ticket was raised from (<see cref="Tickets.Ticket.SourceThread"/>), on the ticket's origin platform.</summary>
    SourceThread,

    /// <summary>
    /// Every copy of the ticket's card and of its messages with buttons that the bot has posted (see <see cref="Views.TicketCopies"/>):
    /// brought up to date after a change. Written by the shell's outbox writer, never by the engine; the shell keeps the list of copies.
    /// </summary>
    Copies,
}
