using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Raise a ticket. Category, impact and urgency are optional: the engine guesses the category from the text and assumes medium impact and urgency.</summary>
/// <param name="Origin">The platform the reporter used (<c>slack</c>, <c>teams</c>, <c>local</c>); status updates go back there.</param>
/// <param name="RaisedBy">Who raised it when not the reporter (someone raising from another person's message); recorded on the ticket.</param>
/// <param name="SourceLink">The message it was raised from (a permalink), kept at the end of the description so every card shows it.</param>
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
    string? SourceLink = null);
