using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Raise a ticket. Category, impact and urgency are optional: the engine guesses the category from the text and assumes medium impact and urgency.</summary>
/// <param name="Origin">The platform the reporter used (<c>slack</c>, <c>teams</c>, <c>local</c>); status updates go back there.</param>
/// <param name="RaisedBy">Who raised it when not the reporter (someone raising from another person's message); recorded on the ticket.</param>
/// <param name="SourceLink">The message it was raised from (a permalink), kept at the end of the description so every card shows it.</param>
/// <param name="SourceThread">The channel thread under the message it was raised from: the reporter's status lines are mirrored there.</param>
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
    UserRef? RaisedBy = null,
    string? SourceLink = null,
    bool AwaitKnowledge = false,
    SourceThread? SourceThread = null);
