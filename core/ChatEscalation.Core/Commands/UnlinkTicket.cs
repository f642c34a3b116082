using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Staff unlink a linked ticket: it goes back to its tier's queue as its own ticket.</summary>
public sealed record UnlinkTicket(UserRef Actor) : TicketCommand(Actor);
