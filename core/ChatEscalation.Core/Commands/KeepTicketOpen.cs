using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>The reporter's "Still broken": the suggestions did not help; nothing changes and a technician picks the ticket up.</summary>
public sealed record KeepTicketOpen(UserRef Actor) : TicketCommand(Actor);
