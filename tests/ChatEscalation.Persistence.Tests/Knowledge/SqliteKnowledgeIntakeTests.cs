using ChatEscalation.Persistence.Knowledge;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>The knowledge step on SQLite (its own database: the step takes every ticket waiting for it).</summary>
public sealed class SqliteKnowledgeIntakeTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static IKnowledgeSearch Search(EscalationDbContext db) => new SqliteKnowledgeSearch(db);

    [Fact]
    public Task RunPendingAsync_RelevantFix_SuggestedToTheReporterThenTheCard() =>
        KnowledgeIntakeScenarios.SuggestionsThenCardAsync(database.NewContext, Search);

    [Fact]
    public Task RunPendingAsync_OpenTicketAboutTheSameThing_ReporterAskedAndNoCard() =>
        KnowledgeIntakeScenarios.SameProblemAskedAsync(database.NewContext, Search);

    [Fact]
    public Task RunPendingAsync_SearchFails_CardGoesOutWithoutSuggestions() =>
        KnowledgeIntakeScenarios.FailingSearchReleasesTheCardAsync(database.NewContext);
}
