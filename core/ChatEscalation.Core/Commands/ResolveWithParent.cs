using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Follow-up of resolving a parent, on each linked report: resolved with the same fix, without a message of its own.</summary>
/// <remarks>Issued by the engine (<see cref="Engine.Decision.FollowUps"/>), never read from a form.</remarks>
public sealed record ResolveWithParent(UserRef Actor, long Parent, string Resolution) : TicketCommand(Actor);
