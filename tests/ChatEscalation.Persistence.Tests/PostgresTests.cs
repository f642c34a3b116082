using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>The same scenarios on PostgreSQL: migrations, version checks, and the sweep's <c>FOR UPDATE SKIP LOCKED</c> claim.</summary>
public sealed class PostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [PostgresFact]
    public Task ExecuteAsync_FullTicketLife_StoresStateAuditOutboxAndDeadlines() => Scenarios.FullTicketLifeAsync(cluster.NewContext);

    [PostgresFact]
    public async Task SweepAsync_CrashBetweenClaimAndCommitThenParallelSweepers_EscalatesExactlyOnce()
    {
        using var h = new Harness(cluster.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        (await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice))).Succeeded.ShouldBeTrue();
        var now = T0.AddDays(2).AddMinutes(1);
        var crashing = h.Sweeper();
        crashing.AfterClaim = (n, _) => n == number ? throw new InvalidOperationException("process died") : Task.CompletedTask;

        await Should.ThrowAsync<InvalidOperationException>(() => crashing.SweepAsync(now));
        (await h.Workflow().GetAsync(number))!.Tier.ShouldBe(1);

        var sweepers = Enumerable.Range(0, 6).Select(_ => h.Sweeper()).ToList();
        var results = await Task.WhenAll(sweepers.Select(s => Task.Run(() => s.SweepAsync(now))));

        results.Sum(r => r.Tickets).ShouldBeGreaterThanOrEqualTo(1);
        (await h.Workflow().GetAsync(number))!.Tier.ShouldBe(2);
        (await h.Workflow().EventsAsync(number)).Count(e => e.Kind == EventKind.AutoEscalated).ShouldBe(1);
        (await h.Sweeper().SweepAsync(now)).Tickets.ShouldBe(0);
    }

    [PostgresFact]
    public async Task WarmUpAsync_ARaiseAndAnAcceptPerPlatform_RunAndLeaveNothingBehind()
    {
        using var h = new Harness(cluster.NewContext, T0);
        var last = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Webcam shows black"))).Ticket!.Number;

        (await h.Workflow().WarmUpAsync(["slack", "teams", "local"])).ShouldBe(6);

        (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Webcam still black"))).Ticket!.Number.ShouldBe(last + 1);
        await using var db = cluster.NewContext();
        (await db.PlatformUsers.CountAsync(u => u.PlatformUserId == "warm-up")).ShouldBe(0);
        (await db.Tickets.CountAsync(t => t.Title.StartsWith("Warm-up"))).ShouldBe(0);
        (await db.InboundEvents.CountAsync(e => e.EventId.StartsWith("warm-up"))).ShouldBe(0);
    }

    [PostgresFact]
    public Task SuggestAsync_FixWithVpnAndTenMinutes_RanksAboveFixWithOnlyVpn() =>
        Knowledge.KnowledgeSearchScenarios.RankingAndWhatIsNeverSuggestedAsync(cluster.NewContext, db => new Persistence.Knowledge.PostgresKnowledgeSearch(db));

    [PostgresFact]
    public Task SuggestAsync_ArticlesInEveryReviewState_OnlyPublishedOnes() =>
        Knowledge.KnowledgeSearchScenarios.PublishedArticlesOnlyAsync(cluster.NewContext, db => new Persistence.Knowledge.PostgresKnowledgeSearch(db));

    [PostgresFact]
    public Task SuggestAsync_TicketResolvedReopenedAndDraftPublished_IndexesFollow() =>
        Knowledge.KnowledgeSearchScenarios.IndexesFollowChangesAsync(cluster.NewContext, db => new Persistence.Knowledge.PostgresKnowledgeSearch(db));

    [PostgresFact]
    public Task SimilarOpenAsync_OpenTicketsOfAnOutage_OnlyCandidatesForMeToo() =>
        Knowledge.KnowledgeSearchScenarios.SimilarOpenTicketsAsync(cluster.NewContext, db => new Persistence.Knowledge.PostgresKnowledgeSearch(db));

    [PostgresFact]
    public Task RunPendingAsync_RelevantFix_SuggestedToTheReporterThenTheCard() =>
        Knowledge.KnowledgeIntakeScenarios.SuggestionsThenCardAsync(cluster.NewContext, db => new Persistence.Knowledge.PostgresKnowledgeSearch(db));

    [PostgresFact]
    public Task RunPendingAsync_OpenTicketAboutTheSameThing_ReporterAskedAndNoCard() =>
        Knowledge.KnowledgeIntakeScenarios.SameProblemAskedAsync(cluster.NewContext, db => new Persistence.Knowledge.PostgresKnowledgeSearch(db));

    [PostgresFact]
    public Task RunPendingAsync_TwoReportsOfOneProblem_TheLaterAskedAboutTheEarlier() =>
        Knowledge.KnowledgeIntakeScenarios.TwoReportsSteppedTogetherAsync(cluster.NewContext, h =>
        {
            var db = h.Context();
            return new Persistence.Knowledge.KnowledgeIntake(db, new Persistence.Knowledge.PostgresKnowledgeSearch(db), h.Time,
                new Persistence.Workflows.FixedPolicyProvider(Harness.Policy), Harness.Writer, h.Wakeups);
        });

    [PostgresFact]
    public Task EmulatorStore_BeyondTheLimit_KeepsTheNewestAndNeverReusesAnId() => EmulatorScenarios.HistoryTrimmedPerChannelIdsNeverReusedAsync(cluster.NewContext);

    [PostgresFact]
    public Task EmulatorStore_SaveClock_OffsetAndFloorComeBack() => EmulatorScenarios.DemoClockSavedAndLatestRecordedAsync(cluster.NewContext);

    [PostgresFact]
    public Task TryRecordInboundAsync_RepeatsAndPrune_SameAsTheModelStoresTime() => Scenarios.InboundDedupAndPruneAsync(cluster.NewContext);

    [PostgresFact]
    public async Task ExecuteAsync_ParallelAccepts_ExactlyOneOwner()
    {
        using var h = new Harness(cluster.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Wifi is down on floor 3"))).Ticket!.Number;
        var workflows = Tier1Crowd.Select(u => (User: u, Workflow: h.Workflow())).ToList();

        var results = await Task.WhenAll(workflows.Select(w => Task.Run(() => w.Workflow.ExecuteAsync(number, new AcceptTicket(w.User)))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        var owner = (await h.Workflow().GetAsync(number))!.Owner!;
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Message.EndsWith($"is already owned by {owner.Name}."));
    }
    [PostgresFact]
    public async Task DueAsync_TwentyThousandWaiting_ReadsTheUnsentIndexInIdOrderUpToTheLimit()
    {
        await using (var seed = cluster.NewContext())
        {
            await seed.Database.ExecuteSqlRawAsync("""
                INSERT INTO "OutboxMessages" ("Id", "TicketNumber", "Platform", "Kind", "Audience", "AudienceJson", "Text", "ActionsJson", "Urgent",
                    "TicketVersion", "State", "Attempts", "NextAttemptAt", "CreatedAt", "IdempotencyKey", "Lane")
                SELECT i, 9000000 + i / 4, 'slack', 'ThreadUpdate', 'tier-1', '{{}}', 'text', '[]', false, 1, 'Pending', 0, 0, 0, 'pg-poll-' || i,
                    (9000000 + i / 4) || ':slack'
                FROM generate_series(10000000, 10019999) AS i
                """);
            await seed.Database.ExecuteSqlRawAsync("""ANALYZE "OutboxMessages" """);
        }

        try
        {
            var plan = new QueryPlan();
            await using var db = new PostgresEscalationDbContext(new DbContextOptionsBuilder<PostgresEscalationDbContext>()
                .UseNpgsql(cluster.ConnectionString).AddInterceptors(plan).Options);
            (await new Persistence.Outbox.OutboxStore(db, new Persistence.Outbox.NoOutboxWakeup()).DueAsync(T0, max: 50)).Count.ShouldBe(50);

            var lines = await plan.ExplainPostgresAsync(db, sql => sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));

            // Before: the primary key in Id order with a filter, so every message ever sent was read before the first waiting one.
            lines.ShouldContain(l => l.Contains("Index Scan using \"IX_OutboxMessages_Unsent\""), string.Join(" | ", lines));
            lines.ShouldNotContain(l => l.TrimStart().StartsWith("Sort", StringComparison.Ordinal), string.Join(" | ", lines));
        }
        finally
        {
            await using var clean = cluster.NewContext();
            await clean.Database.ExecuteSqlRawAsync("""DELETE FROM "OutboxMessages" WHERE "IdempotencyKey" LIKE 'pg-poll-%'""");
        }
    }
}
