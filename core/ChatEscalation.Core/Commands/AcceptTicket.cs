using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Take ownership of a queued ticket; only members of its current tier may.</summary>
public sealed record AcceptTicket(UserRef Actor) : TicketCommand(Actor);
