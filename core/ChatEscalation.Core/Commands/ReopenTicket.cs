using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Reopen a resolved ticket within the reopen window.</summary>
public sealed record ReopenTicket(UserRef Actor, string Reason) : TicketCommand(Actor);
