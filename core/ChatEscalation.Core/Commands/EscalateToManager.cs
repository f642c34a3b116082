using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Hierarchical escalation: ask a manager to look at the ticket. The reason is required.</summary>
public sealed record EscalateToManager(UserRef Actor, string Reason) : TicketCommand(Actor);
