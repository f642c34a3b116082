using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Restart the SLA clock after waiting on the user.</summary>
public sealed record ResumeTicket(UserRef Actor) : TicketCommand(Actor);
