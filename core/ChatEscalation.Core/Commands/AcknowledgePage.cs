using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Stop an after-hours page; a tier member who acknowledges a queued ticket also accepts it.</summary>
public sealed record AcknowledgePage(UserRef Actor) : TicketCommand(Actor);
