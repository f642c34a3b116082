using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>The reporter's "This fixed it": a suggestion solved the problem; the ticket resolves as self-service (deflected).</summary>
public sealed record ResolveSelfService(UserRef Actor) : TicketCommand(Actor);
