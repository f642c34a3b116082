using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>A ticket change as the homes need it: what the ticket was (its stored columns; null for a new ticket) and what it is now.</summary>
public sealed record HomeChange(TicketStatus? StatusBefore, int? TierBefore, string? OwnerBefore, Ticket After);
