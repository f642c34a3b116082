using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// <see cref="IKnowledgeSearch"/> on SQLite FTS5 (<see cref="SqliteSearchSchema"/>): the words are ORed and the newest
/// <see cref="IKnowledgeSearch.Window"/> matches are ranked by BM25 (title weighted 4, fix or article text 2, description 1); only the
/// best rows are read from their table (for open tickets, which are matched inside their category, the window's rows, to keep those
/// reported within the window). The similar-open query joins with <c>CROSS JOIN</c>, which SQLite never reorders: its planner
/// otherwise drove the join from the tickets' intake index (every ticket not in intake) and probed the matches per ticket, 0.7 s at
/// a million tickets instead of 0.4 ms.
/// </summary>
public sealed class SqliteKnowledgeSearch(EscalationDbContext db) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken ct = default)
    {
        if (Match(text) is not { } match) return [];
        var window = IKnowledgeSearch.Window;
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'Article' AS "Source", a."Id" AS "Reference", a."Title" AS "Title", a."Body" AS "Body", a."TicketNumber" AS "SourceTicket",
                   NULL AS "Category", NULL AS "Service", 0 AS "People", 0 AS "LastReportTicks", m."Score" AS "Score"
            FROM (SELECT "Id", "Score" FROM (
                    SELECT rowid AS "Id", -bm25("ArticleSearch", 4.0, 2.0) AS "Score" FROM "ArticleSearch"
                    WHERE "ArticleSearch" MATCH {match} ORDER BY rowid DESC LIMIT {window})
                  ORDER BY "Score" DESC LIMIT {limit}) m
            JOIN "KnowledgeArticles" a ON a."Id" = m."Id"
            UNION ALL
            SELECT 'ResolvedTicket', t."Number", t."Title", t."Resolution", t."Number", NULL, NULL, 0, 0, m."Score"
            FROM (SELECT "Number", "Score" FROM (
                    SELECT rowid AS "Number", -bm25("FixSearch", 4.0, 1.0, 2.0) AS "Score" FROM "FixSearch"
                    WHERE "FixSearch" MATCH {match} ORDER BY rowid DESC LIMIT {window})
                  ORDER BY "Score" DESC LIMIT {limit}) m
            JOIN "Tickets" t ON t."Number" = m."Number"
            """).ToListAsync(ct);
        return SearchResults.Suggestions(rows, limit);
    }

    public async Task<IReadOnlyList<SimilarTicket>> SimilarOpenAsync(string text, string category, DateTimeOffset since, long except, int limit,
        IReadOnlyList<long> stepped, CancellationToken ct = default)
    {
        if (Match(text) is not { } match) return [];
        var steppedJson = "[" + string.Join(',', stepped.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]"; // a JSON array for json_each
        var sinceTicks = since.UtcTicks;
        var window = IKnowledgeSearch.Window;
        var inCategory = $"\"Category\" : \"{category.Replace("\"", "\"\"", StringComparison.Ordinal)}\" AND ({match})";
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'ResolvedTicket' AS "Source", t."Number" AS "Reference", t."Title" AS "Title", NULL AS "Body", t."Number" AS "SourceTicket",
                   t."Category" AS "Category", t."AffectedService" AS "Service", t."PeopleAffected" AS "People", t."LastReportAt" AS "LastReportTicks",
                   m."Score" AS "Score"
            FROM (SELECT rowid AS "Number", -bm25("OpenSearch", 0.0, 4.0, 1.0) AS "Score" FROM "OpenSearch"
                  WHERE "OpenSearch" MATCH {inCategory} ORDER BY rowid DESC LIMIT {window}) m
            CROSS JOIN "Tickets" t ON t."Number" = m."Number"
            WHERE t."Category" = {category} AND t."LastReportAt" >= {sinceTicks} AND (t."IntakePending" = 0 OR t."Number" IN (SELECT value FROM json_each({steppedJson}))) AND t."Number" <> {except}
            ORDER BY m."Score" DESC LIMIT {limit}
            """).ToListAsync(ct);
        return SearchResults.Similar(rows);
    }

    /// <summary>An FTS5 query ORing the quoted words (letters and digits only, so quoting is all the escaping needed); null when there are none.</summary>
    internal static string? Match(string text)
    {
        var words = SearchTerms.QueryWords(text);
        return words.Count == 0 ? null : string.Join(" OR ", words.Select(w => $"\"{w}\""));
    }
}
