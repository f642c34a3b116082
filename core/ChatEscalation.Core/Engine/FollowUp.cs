using ChatEscalation.Core.Commands;

namespace ChatEscalation.Core.Engine;

/// <summary>A command a decision sets off on another ticket (see <see cref="Decision.FollowUps"/>).</summary>
public sealed record FollowUp(long TicketNumber, TicketCommand Command);
