using ChatEscalation.Persistence.Knowledge;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>The knowledge search on SQLite FTS5, through the committed migrations.</summary>
public sealed class SqliteKnowledgeSearchTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static IKnowledgeSearch Search(EscalationDbContext db) => new SqliteKnowledgeSearch(db);

    [Fact]
    public Task SuggestAsync_FixWithVpnAndTenMinutes_RanksAboveFixWithOnlyVpn() =>
        KnowledgeSearchScenarios.RankingAndWhatIsNeverSuggestedAsync(database.NewContext, Search);

    [Fact]
    public Task SuggestAsync_ArticlesInEveryReviewState_OnlyPublishedOnes() =>
        KnowledgeSearchScenarios.PublishedArticlesOnlyAsync(database.NewContext, Search);

    [Fact]
    public Task SuggestAsync_TicketResolvedReopenedAndDraftPublished_IndexesFollow() =>
        KnowledgeSearchScenarios.IndexesFollowChangesAsync(database.NewContext, Search);

    [Fact]
    public Task SimilarOpenAsync_OpenTicketsOfAnOutage_OnlyCandidatesForMeToo() =>
        KnowledgeSearchScenarios.SimilarOpenTicketsAsync(database.NewContext, Search);

    [Fact]
    public void Match_WordsOfAReport_QuotedAndOred() =>
        SqliteKnowledgeSearch.Match("\"VPN\" drops* every 10 minutes OR NOT").ShouldBe("\"vpn\" OR \"drops\" OR \"10\" OR \"minutes\"");
}
