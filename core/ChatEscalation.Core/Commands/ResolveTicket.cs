using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Resolve with a description of the fix; from the knowledge tier up it becomes a knowledge-base draft.</summary>
public sealed record ResolveTicket(UserRef Actor, string Resolution) : TicketCommand(Actor);
