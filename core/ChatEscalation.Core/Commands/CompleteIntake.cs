using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>The knowledge step after a raise: what the search found. The engine offers suggestions, asks "Same problem?" or sends the card to the queue.</summary>
/// <remarks>Sent by the shell (actor <see cref="UserRef.System"/>) once the raise is committed, never by a person.</remarks>
public sealed record CompleteIntake(UserRef Actor, IntakeFindings Findings) : TicketCommand(Actor);
