using ChatEscalation.Persistence.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>
/// The outbox poll (<see cref="OutboxStore.DueAsync"/>) costs the same however many messages wait: under a burst the backlog reached
/// 36,000 messages and every poll read and sorted all of them. Cost is counted in SQLite virtual-machine instructions (a progress
/// handler called every 100), not in time. Each test has its own database.
/// </summary>
public sealed class OutboxPollCostTests : IAsyncLifetime
{
    private readonly SqliteDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task DueAsync_BacklogGrowsHundredfold_PollCostStaysTheSame()
    {
        await AddBacklogAsync(from: 1, count: 200);
        var (small, dueSmall) = await PollAsync();

        await AddBacklogAsync(from: 201, count: 19_800);
        var (large, dueLarge) = await PollAsync();

        // The same 50 lane heads, oldest first, either way: the poll's answer does not change, only what it had to read for it.
        dueSmall.ShouldBe(Enumerable.Range(0, 50).Select(i => 1L + 4 * i).ToList());
        dueLarge.ShouldBe(dueSmall);
        // Before (an index on State and NextAttemptAt): 60 units with 200 waiting, 3,822 with 20,000, the whole backlog read and sorted.
        // Now: 61 and 62.
        large.ShouldBeLessThan(small * 2, $"{small} units of 100 instructions with 200 waiting, {large} with 20,000");
    }

    [Fact]
    public async Task DueAsync_LongSentHistoryInOneLane_NotWalkedForItsNextMessage()
    {
        await using var db = database.NewContext();
        var lane = "reply:slack:D0LONG";
        await db.Database.ExecuteSqlRawAsync(Insert(from: 1_000_000, count: 5_000, lane: $"'{lane}'", state: "Sent"));
        var (before, _) = await PollAsync();
        await db.Database.ExecuteSqlRawAsync(Insert(from: 2_000_000, count: 1, lane: $"'{lane}'", state: "Pending"));

        var (after, due) = await PollAsync();

        due.ShouldContain(2_000_000L);
        // Before (the lane index held sent messages too): 301 units more, the 5,000 sent replies walked. Now: under 1.
        (after - before).ShouldBeLessThan(20, $"{before} units before the reply was queued, {after} after");
    }

    /// <summary><paramref name="count"/> waiting messages from Id <paramref name="from"/>, four per ticket lane, all due.</summary>
    private async Task AddBacklogAsync(long from, int count)
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(Insert(from, count, lane: "((n.i - 1) / 4) || ':slack'", state: "Pending"));
    }

    private static string Insert(long from, int count, string lane, string state) => $"""
        WITH RECURSIVE n(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM n WHERE i < {from + count - 1})
        INSERT INTO "OutboxMessages" ("Id", "TicketNumber", "Platform", "Kind", "Audience", "AudienceJson", "Text", "ActionsJson", "Urgent",
            "TicketVersion", "State", "Attempts", "NextAttemptAt", "CreatedAt", "IdempotencyKey", "Lane")
        SELECT n.i, (n.i - 1) / 4 + 1, 'slack', 'ThreadUpdate', 'tier-1', '{"{{}}"}', 'text', '[]', 0, 1, '{state}', 0, 0, 0, 'cost-' || n.i, {lane} FROM n
        """;

    /// <summary>One poll for up to 50 messages: its cost in hundreds of SQLite instructions, and the ids it returned.</summary>
    private async Task<(int Cost, List<long> Due)> PollAsync()
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var units = 0;
        raw.sqlite3_progress_handler(handle, 100, _ => { units++; return 0; }, null);
        try
        {
            var due = await new OutboxStore(db, new NoOutboxWakeup()).DueAsync(T0, max: 50);
            return (units, due.Select(m => m.Id).ToList());
        }
        finally
        {
            raw.sqlite3_progress_handler(handle, 0, null, null);
        }
    }
}
