using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>The reporter (or a manager) withdraws the ticket.</summary>
public sealed record CancelTicket(UserRef Actor, string? Reason = null) : TicketCommand(Actor);
