using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Managers and tier leads: take ownership from whoever has it.</summary>
public sealed record TakeOverTicket(UserRef Actor) : TicketCommand(Actor);
