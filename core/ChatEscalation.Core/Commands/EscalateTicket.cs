using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Functional escalation to the next tier (or a later one where the policy allows), with a handoff note.</summary>
public sealed record EscalateTicket(UserRef Actor, HandoffNote Note, int? ToTier = null) : TicketCommand(Actor);
