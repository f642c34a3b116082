using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>A Tier 1 lead (or a manager) discards the ticket's knowledge-base draft: it is never suggested.</summary>
public sealed record DiscardDraft(UserRef Actor) : TicketCommand(Actor);
