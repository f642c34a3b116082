using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;

namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// The full-text search behind the knowledge step: SQLite FTS5 (<see cref="SqliteKnowledgeSearch"/>) or PostgreSQL <c>tsvector</c>
/// with a GIN index (<see cref="PostgresKnowledgeSearch"/>). It finds and ranks candidates; the engine decides what is offered.
/// </summary>
/// <remarks>
/// The text's meaningful words (<see cref="SearchTerms.QueryWords"/>) are searched with OR, each stemmed by the database's English
/// rules, so a candidate with more of the words (and in its title) ranks higher: a fix mentioning "VPN" and "10 minutes" ranks above
/// one mentioning only "VPN". Text with no meaningful word finds nothing. Of the articles and fixes that share a word with the text,
/// the newest <see cref="Window"/> are ranked: what a search costs does not grow with the years of fixes behind it, and a desk's
/// recent fixes are the ones that still apply.
/// </remarks>
public interface IKnowledgeSearch
{
    /// <summary>How many of the newest matching articles, fixes or open tickets a search ranks.</summary>
    public const int Window = 1000;

    /// <summary>Published articles and resolved tickets' fixes matching <paramref name="text"/>, best first, at most <paramref name="limit"/>.</summary>
    /// <remarks>Fixes of self-service resolutions and of reports resolved with the ticket they were linked to are not searched (they say nothing new).</remarks>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken ct = default);

    /// <summary>
    /// Open tickets of <paramref name="category"/> matching <paramref name="text"/> whose latest report is at or after
    /// <paramref name="since"/>, best first: not linked to another, not waiting for their own knowledge step (except those in
    /// <paramref name="stepped"/>, whose step is decided and about to be saved), not <paramref name="except"/>.
    /// </summary>
    Task<IReadOnlyList<SimilarTicket>> SimilarOpenAsync(string text, string category, DateTimeOffset since, long except, int limit,
        IReadOnlyList<long> stepped, CancellationToken ct = default);
}
