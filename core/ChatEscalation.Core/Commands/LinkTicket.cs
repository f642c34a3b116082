using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Staff link this ticket to <paramref name="Parent"/> as the same problem: its reporter becomes one of the parent's affected people.</summary>
public sealed record LinkTicket(UserRef Actor, long Parent) : TicketCommand(Actor);
