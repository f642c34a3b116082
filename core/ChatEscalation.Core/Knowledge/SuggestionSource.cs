namespace ChatEscalation.Core.Knowledge;

/// <summary>Where a suggestion comes from.</summary>
public enum SuggestionSource
{
    /// <summary>A knowledge-base article a Tier 1 lead published.</summary>
    Article,

    /// <summary>The fix written when a ticket was resolved.</summary>
    ResolvedTicket,
}
