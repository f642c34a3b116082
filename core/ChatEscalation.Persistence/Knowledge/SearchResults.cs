using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>What both providers do with their rows: merge, order by score (higher is better), map to core's values.</summary>
internal static class SearchResults
{
    public static IReadOnlyList<Suggestion> Suggestions(IEnumerable<SearchRow> rows, int limit) =>
        rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.Reference).Take(limit)
            .Select(r => new Suggestion(Enum.Parse<SuggestionSource>(r.Source), r.Reference, r.Title, r.Body ?? "", r.SourceTicket))
            .ToList();

    public static IReadOnlyList<SimilarTicket> Similar(IEnumerable<SearchRow> rows) =>
        rows.OrderByDescending(r => r.Score).ThenBy(r => r.Reference)
            .Select(r => new SimilarTicket(r.Reference, r.Title, r.Category ?? "", r.Service, Math.Max(1, r.People), new DateTimeOffset(r.LastReportTicks, TimeSpan.Zero)))
            .ToList();
}
