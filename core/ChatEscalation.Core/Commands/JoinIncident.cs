using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>The reporter's "Yes, same problem": their new report is linked to the open ticket they were offered, with no card of its own.</summary>
public sealed record JoinIncident(UserRef Actor) : TicketCommand(Actor);
