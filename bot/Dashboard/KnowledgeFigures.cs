namespace ChatEscalation.Bot.Dashboard;

/// <summary>What knowledge at intake did in the range: suggestions shown and used, deflection, and first contact with and without it.</summary>
/// <param name="Raised">Tickets raised in the range (linked reports of another ticket included: each was a person asking).</param>
/// <param name="TicketsOffered">Of those, the ones whose reporter was offered suggestions.</param>
/// <param name="SuggestionsShown">Suggestions offered in the range (up to three per ticket).</param>
/// <param name="SuggestionsUsed">Tickets resolved in the range by their reporter with a suggestion ("This fixed it"): deflected.</param>
/// <param name="WithSuggestions">First-contact resolution over the resolved tickets, a suggestion used counting as resolved at first contact.</param>
/// <param name="WithoutSuggestions">The same with the tickets a suggestion resolved left out: the desk's figure without the lever.</param>
public sealed record KnowledgeFigures(int Raised, int TicketsOffered, int SuggestionsShown, int SuggestionsUsed, FirstContactResolution WithSuggestions, FirstContactResolution WithoutSuggestions)
{
    /// <summary>Tickets resolved by a suggestion per ticket raised, 0–1; null when none was raised.</summary>
    public double? DeflectionRate => Raised == 0 ? null : (double)SuggestionsUsed / Raised;
}
