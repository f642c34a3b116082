using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// <see cref="IKnowledgeSearch"/> on PostgreSQL full-text search: the generated <c>tsvector</c> columns (GIN-indexed, see
/// <see cref="PostgresEscalationDbContext"/>) matched against the words ORed in an English <c>tsquery</c>; the newest
/// <see cref="IKnowledgeSearch.Window"/> matches ranked by <c>ts_rank</c>.
/// </summary>
public sealed class PostgresKnowledgeSearch(EscalationDbContext db) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken ct = default)
    {
        if (Query(text) is not { } query) return [];
        var window = IKnowledgeSearch.Window;
        var articles = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'Article' AS "Source", a."Id" AS "Reference", a."Title" AS "Title", a."Body" AS "Body", a."TicketNumber" AS "SourceTicket",
                   NULL::text AS "Category", NULL::text AS "Service", 0 AS "People", 0::bigint AS "LastReportTicks", ts_rank(a."SearchVector", q)::float8 AS "Score"
            FROM (SELECT * FROM "KnowledgeArticles" WHERE "SearchVector" @@ to_tsquery('english', {query}) AND "Status" = 'Published'
                  ORDER BY "Id" DESC LIMIT {window}) a, to_tsquery('english', {query}) q
            ORDER BY "Score" DESC LIMIT {limit}
            """).ToListAsync(ct);
        var fixes = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'ResolvedTicket' AS "Source", t."Number" AS "Reference", t."Title" AS "Title", t."Resolution" AS "Body", t."Number" AS "SourceTicket",
                   NULL::text AS "Category", NULL::text AS "Service", 0 AS "People", 0::bigint AS "LastReportTicks", ts_rank(t."SearchVector", q)::float8 AS "Score"
            FROM (SELECT * FROM "Tickets" WHERE "SearchVector" @@ to_tsquery('english', {query}) AND "Status" IN ('Resolved', 'Closed')
                    AND "Resolution" IS NOT NULL AND "ParentNumber" IS NULL AND NOT "SelfService"
                  ORDER BY "Number" DESC LIMIT {window}) t, to_tsquery('english', {query}) q
            ORDER BY "Score" DESC LIMIT {limit}
            """).ToListAsync(ct);
        return SearchResults.Suggestions(articles.Concat(fixes), limit);
    }

    public async Task<IReadOnlyList<SimilarTicket>> SimilarOpenAsync(string text, string category, DateTimeOffset since, long except, int limit,
        IReadOnlyList<long> stepped, CancellationToken ct = default)
    {
        if (Query(text) is not { } query) return [];
        var steppedNumbers = stepped.ToArray();
        var sinceTicks = since.UtcTicks;
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT 'ResolvedTicket' AS "Source", t."Number" AS "Reference", t."Title" AS "Title", NULL::text AS "Body", t."Number" AS "SourceTicket",
                   t."Category" AS "Category", t."AffectedService" AS "Service", t."PeopleAffected" AS "People", t."LastReportAt" AS "LastReportTicks",
                   ts_rank(t."SearchVector", q)::float8 AS "Score"
            FROM "Tickets" t, to_tsquery('english', {query}) q
            WHERE t."SearchVector" @@ q AND t."Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND t."ParentNumber" IS NULL
              AND (NOT t."IntakePending" OR t."Number" = ANY({steppedNumbers})) AND t."Category" = {category} AND t."LastReportAt" >= {sinceTicks} AND t."Number" <> {except}
            ORDER BY "Score" DESC LIMIT {limit}
            """).ToListAsync(ct);
        return SearchResults.Similar(rows);
    }

    /// <summary>The words ORed for <c>to_tsquery</c> (letters and digits only, so no operator can be injected); null when there are none.</summary>
    internal static string? Query(string text)
    {
        var words = SearchTerms.QueryWords(text);
        return words.Count == 0 ? null : string.Join(" | ", words);
    }
}
