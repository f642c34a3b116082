using ChatEscalation.Core.Knowledge;

namespace ChatEscalation.Core.Views;

/// <summary>The knowledge and incident lines every card renderer shows (Slack blocks, Teams cards, the emulator), worded once.</summary>
public static class IncidentText
{
    /// <summary>The heading above a card's suggestions.</summary>
    public const string SuggestionsHeading = "These fixed similar problems:";

    /// <summary>
    /// "Major incident: P1: 12 people affected in 20 min · 12 people affected · Linked to INC-000041" (the parts that apply); null
    /// for a ticket of one person that is neither linked nor a major incident.
    /// </summary>
    public static string? Line(TicketCardView view)
    {
        var parts = new List<string>();
        if (view.MajorIncidentText is { } major) parts.Add(major);
        if (view.PeopleAffected > 1) parts.Add($"{view.PeopleAffected} people affected");
        if (view.LinkedTo is { } parent) parts.Add($"Linked to {parent}: updates and the fix come from there");
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>One suggestion as plain text after its title: " — the excerpt (INC-000012)".</summary>
    public static string AfterTitle(Suggestion suggestion) =>
        suggestion.Excerpt.Length == 0 ? $" ({suggestion.Label})" : $" — {suggestion.Excerpt} ({suggestion.Label})";
}
