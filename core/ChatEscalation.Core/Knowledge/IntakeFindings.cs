using ChatEscalation.Core.Incidents;

namespace ChatEscalation.Core.Knowledge;

/// <summary>What the search found for a new ticket, best first: candidates only; the engine decides what is offered.</summary>
/// <param name="Suggestions">Published articles and resolved tickets' fixes.</param>
/// <param name="Similar">Open tickets of the same category reported within the major-incident window.</param>
public sealed record IntakeFindings(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<SimilarTicket> Similar)
{
    /// <summary>Nothing found (or no search ran).</summary>
    public static IntakeFindings None { get; } = new([], []);
}
