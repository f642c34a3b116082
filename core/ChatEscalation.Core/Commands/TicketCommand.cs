using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Something a person asks of an existing ticket. The engine answers each with a decision or a refusal.</summary>
public abstract record TicketCommand(UserRef Actor);
