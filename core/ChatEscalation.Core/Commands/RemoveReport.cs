using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Follow-up of an unlink, on the parent: the report of ticket <paramref name="TicketNumber"/> leaves it.</summary>
/// <remarks>Issued by the engine (<see cref="Engine.Decision.FollowUps"/>), never read from a form.</remarks>
public sealed record RemoveReport(UserRef Actor, long TicketNumber) : TicketCommand(Actor);
