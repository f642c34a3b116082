using System.Data.Common;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>
/// The knowledge steps of several waiting tickets saved together (one transaction), each still seeing the steps decided before it;
/// a conflict sends the group back to one ticket at a time. A fresh SQLite database per test.
/// </summary>
public sealed class SqliteKnowledgeIntakeGroupTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly CountingCommits _commits = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task RunPendingAsync_TwoReportsOfOneProblem_OneCommitAndTheLaterAskedSameProblem()
    {
        await KnowledgeIntakeScenarios.TwoReportsSteppedTogetherAsync(_database.NewContext, h => Intake(h));

        _commits.Count.ShouldBe(1); // both steps saved together: the later one's search counted the earlier one's unsaved step
    }

    [Fact]
    public async Task RunPendingAsync_OneTicketChangedMeanwhile_GroupSteppedAgainOneAtATimeAndNothingLost()
    {
        using var h = new Harness(_database.NewContext, T0);
        var numbers = new List<long>();
        foreach (var title in new[] { "Scanner on floor 5 is offline", "Laptop battery drains in an hour", "Teams camera shows a black screen" })
            numbers.Add(await RaiseHeldAsync(h, Uma, title));

        (await Intake(h, new ChangesTicketOnceBeforeItsSave(numbers[1])).RunPendingAsync()).ShouldBe(3);

        _commits.Count.ShouldBe(3); // the group's commit failed and was rolled back; then one each
        await using (var db = _database.NewContext()) (await db.Tickets.CountAsync(t => t.IntakePending)).ShouldBe(0);
        foreach (var number in numbers)
            (await Scenarios.OutboxRows(_database.NewContext, number)).Where(o => o.Kind == NotificationKind.Card && o.Audience == "tier-1")
                .Select(o => o.Platform).ShouldBe(SqliteDatabase.EnabledPlatforms, ignoreOrder: true); // one card per platform, none twice
    }

    private static async Task<long> RaiseHeldAsync(Harness h, UserRef reporter, string title)
    {
        var result = await h.Workflow().RaiseAsync(new RaiseTicket(reporter, "slack", title, AwaitKnowledge: true));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Ticket!.Number;
    }

    /// <summary>The step over a context that counts its commits (plus <paramref name="extra"/>).</summary>
    private KnowledgeIntake Intake(Harness h, IInterceptor? extra = null)
    {
        IInterceptor[] interceptors = extra is null ? [new SqlitePragmas(), _commits] : [new SqlitePragmas(), _commits, extra];
        var db = new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>()
            .UseSqlite(_database.ConnectionString).AddInterceptors(interceptors).Options);
        return new KnowledgeIntake(db, new SqliteKnowledgeSearch(db), h.Time, new FixedPolicyProvider(Harness.Policy), Harness.Writer, h.Wakeups);
    }

    /// <summary>Counts committed transactions (each SaveChanges runs in one).</summary>
    private sealed class CountingCommits : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>Another writer's change, scripted: the first time a save includes ticket <paramref name="number"/>, its version moves on just before.</summary>
    private sealed class ChangesTicketOnceBeforeItsSave(long number) : SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!;
            if (!_done && db.ChangeTracker.Entries<TicketRow>().Any(e => e.Entity.Number == number && e.State == EntityState.Modified))
            {
                _done = true;
                await db.Database.ExecuteSqlAsync($"UPDATE \"Tickets\" SET \"Version\" = \"Version\" + 1 WHERE \"Number\" = {number}", cancellationToken);
            }

            return result;
        }
    }
}
