using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Pause the SLA clock while the reporter is asked something.</summary>
public sealed record WaitOnUser(UserRef Actor, string Question) : TicketCommand(Actor);
