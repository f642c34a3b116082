using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>The reporter's "No, something else": the report goes to the queue as its own ticket.</summary>
public sealed record DeclineIncident(UserRef Actor) : TicketCommand(Actor);
