using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Managers: move the ticket to another tier and/or owner, with a recorded reason.</summary>
public sealed record ReassignTicket(UserRef Actor, string Reason, int? ToTier = null, UserRef? ToOwner = null) : TicketCommand(Actor);
