using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Persistence.Tests;

/// <summary>The emulator's history and demo clock, the same on SQLite and PostgreSQL.</summary>
public static class EmulatorScenarios
{
    private static EmulatorMessageRow Message(string channel, string text, DateTimeOffset at) =>
        new() { ChannelId = channel, Kind = "bot", AuthorKey = "bot", AuthorName = "ChatEscalation", Text = text, At = at, Revision = 1 };

    /// <summary>Each channel keeps its newest messages; ids go on after a trim (even of the highest id) and after a "restart" (a new context).</summary>
    public static async Task HistoryTrimmedPerChannelIdsNeverReusedAsync(Func<EscalationDbContext> newContext)
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var ids = new List<long>();
        await using (var db = newContext())
        {
            var store = new EmulatorStore(db);
            for (var i = 1; i <= 5; i++)
            {
                var row = Message("tier-1", $"t{i}", at.AddMinutes(i));
                var trimmed = await store.AddAsync(row, keepPerChannel: 3);
                ids.Add(row.Id);
                trimmed.ShouldBe(i > 3 ? ids[i - 4] : null);
            }
            await store.AddAsync(Message("tier-2", "other channel", at), keepPerChannel: 3);
        }

        await using (var db = newContext())
        {
            var store = new EmulatorStore(db);
            var kept = await store.LoadAsync();
            kept.Where(m => m.ChannelId == "tier-1").Select(m => m.Text).ShouldBe(["t3", "t4", "t5"]);
            kept.ShouldContain(m => m.ChannelId == "tier-2");

            // Trim a channel to nothing: its highest id is gone too, and still never handed out again.
            await store.TrimAllAsync(keep: 0);
            var next = Message("tier-1", "after the restart", at.AddHours(1));
            await store.AddAsync(next, keepPerChannel: 3);
            next.Id.ShouldBeGreaterThan(ids.Max() + 1); // tier-2's message took ids.Max() + 1
            (await store.UpdateAsync(new EmulatorMessageRow { Id = ids[0], ChannelId = "tier-1", Text = "gone" })).ShouldBeFalse();
            next.Text = "edited";
            next.Revision = 2;
            (await store.UpdateAsync(next)).ShouldBeTrue();
            (await store.LoadAsync()).Single().Text.ShouldBe("edited");
        }
    }

    /// <summary>The demo clock's offset survives; the floor is the later of its reading and anything recorded since.</summary>
    public static async Task DemoClockSavedAndLatestRecordedAsync(Func<EscalationDbContext> newContext)
    {
        var reading = new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero); // later than anything another test of the same database records
        await using (var db = newContext())
        {
            var store = new EmulatorStore(db);
            (await store.LoadClockAsync()).ShouldBeNull();
            await store.SaveClockAsync(TimeSpan.FromDays(3), reading.AddDays(-1));
            await store.SaveClockAsync(TimeSpan.FromDays(4), reading);
            await store.AddAsync(Message("it-help", "later", reading.AddMinutes(5)), keepPerChannel: 10);
        }

        await using (var db = newContext())
        {
            var store = new EmulatorStore(db);
            var clock = (await store.LoadClockAsync())!;
            clock.Offset.ShouldBe(TimeSpan.FromDays(4));
            clock.ReadAt.ShouldBe(reading);
            (await store.LatestRecordedAsync()).ShouldBe(reading.AddMinutes(5));
        }
    }
}
