using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Raise a ticket. Category, impact and urgency are optional: the engine guesses the category from the text and assumes medium impact and urgency.</summary>
/// <param name="Origin">The platform the reporter used (<c>slack</c>, <c>teams</c>, <c>local</c>); status updates go back there.</param>
/// <param name="AwaitKnowledge">True when the shell runs the knowledge step after the commit (<see cref="CompleteIntake"/>): the card,
/// pages and manager alerts wait for it, so a "me too" report never reaches the queue. False: the card goes out at once.</param>
public sealed record RaiseTicket(
    UserRef Reporter,
    string Origin,
    string Title,
    string? Description = null,
    string? Category = null,
    Impact? Impact = null,
    Urgency? Urgency = null,
    string? AffectedService = null,
    bool AwaitKnowledge = false);
