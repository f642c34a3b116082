using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Managers: override the routing decision's priority, with a recorded reason.</summary>
public sealed record OverridePriority(UserRef Actor, Priority Priority, string Reason) : TicketCommand(Actor);
