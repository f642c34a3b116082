using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// <see cref="IKnowledgeSearch"/> on SQLite FTS5 (<see cref="SqliteSearchSchema"/>): the words are ORed, ranked by BM25 with the title
/// weighted 4, the fix or article text 2 and the description 1.
/// </summary>
public sealed class SqliteKnowledgeSearch(EscalationDbContext db) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken ct = default)
    {
        if (Match(text) is not { } match) return [];
        var articles = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'Article' AS "Source", a."Id" AS "Reference", a."Title" AS "Title", a."Body" AS "Body", a."TicketNumber" AS "SourceTicket",
                   NULL AS "Category", NULL AS "Service", 0 AS "People", 0 AS "LastReportTicks", -bm25("ArticleSearch", 4.0, 2.0) AS "Score"
            FROM "ArticleSearch" JOIN "KnowledgeArticles" a ON a."Id" = "ArticleSearch".rowid
            WHERE "ArticleSearch" MATCH {match} AND a."Status" = 'Published'
            ORDER BY "Score" DESC LIMIT {limit}
            """).ToListAsync(ct);
        var fixes = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'ResolvedTicket' AS "Source", t."Number" AS "Reference", t."Title" AS "Title", t."Resolution" AS "Body", t."Number" AS "SourceTicket",
                   NULL AS "Category", NULL AS "Service", 0 AS "People", 0 AS "LastReportTicks", -bm25("TicketSearch", 4.0, 1.0, 2.0) AS "Score"
            FROM "TicketSearch" JOIN "Tickets" t ON t."Number" = "TicketSearch".rowid
            WHERE "TicketSearch" MATCH {match} AND t."Status" IN ('Resolved', 'Closed') AND t."Resolution" IS NOT NULL
              AND t."ParentNumber" IS NULL AND t."SelfService" = 0
            ORDER BY "Score" DESC LIMIT {limit}
            """).ToListAsync(ct);
        return SearchResults.Suggestions(articles.Concat(fixes), limit);
    }

    public async Task<IReadOnlyList<SimilarTicket>> SimilarOpenAsync(string text, string category, DateTimeOffset since, long except, int limit, CancellationToken ct = default)
    {
        if (Match(text) is not { } match) return [];
        var sinceTicks = since.UtcTicks;
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'ResolvedTicket' AS "Source", t."Number" AS "Reference", t."Title" AS "Title", NULL AS "Body", t."Number" AS "SourceTicket",
                   t."Category" AS "Category", t."AffectedService" AS "Service", t."PeopleAffected" AS "People", t."LastReportAt" AS "LastReportTicks",
                   -bm25("TicketSearch", 4.0, 1.0, 2.0) AS "Score"
            FROM "TicketSearch" JOIN "Tickets" t ON t."Number" = "TicketSearch".rowid
            WHERE "TicketSearch" MATCH {match} AND t."Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND t."ParentNumber" IS NULL
              AND t."IntakePending" = 0 AND t."Category" = {category} AND t."LastReportAt" >= {sinceTicks} AND t."Number" <> {except}
            ORDER BY "Score" DESC LIMIT {limit}
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
