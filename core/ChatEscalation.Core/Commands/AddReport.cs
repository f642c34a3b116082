using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Follow-up of a link, on the parent: another person's report joins it (and may make it a major incident).</summary>
/// <remarks>Issued by the engine (<see cref="Engine.Decision.FollowUps"/>), never read from a form.</remarks>
public sealed record AddReport(UserRef Actor, AffectedReport Report) : TicketCommand(Actor);
