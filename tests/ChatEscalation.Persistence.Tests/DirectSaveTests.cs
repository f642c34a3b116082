using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>
/// The group-commit writer's plain statements (<see cref="DirectSave"/>) against EF's SaveChanges: the same rows, byte for byte, the
/// same conflict and unique-violation errors, and all or nothing.
/// </summary>
public sealed class DirectSaveTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly string[] Tables = ["Tickets", "TicketEvents", "Deadlines", "OutboxMessages", "InboundEvents", "Counters"];

    [Fact]
    public async Task AWholeTicketLife_ThroughTheWriter_StoresExactlyTheRowsSaveChangesStores()
    {
        var viaSaveChanges = new SqliteDatabase();
        var viaWriter = new SqliteDatabase();
        await viaSaveChanges.InitializeAsync();
        await viaWriter.InitializeAsync();
        try
        {
            await LiveAsync(viaSaveChanges, h => h.Workflow());
            await using var writer = new GroupCommitWriter(viaWriter.Services.GetRequiredService<IServiceScopeFactory>(), new CountingWakeup(), new RecentReceipts(), enabled: true);
            await LiveAsync(viaWriter, h =>
            {
                var db = h.Context();
                return new TicketWorkflow(db, h.Time, new FixedPolicyProvider(Harness.Policy), Harness.Writer, new InboundEventStore(db, writer.Recent), h.Wakeups, group: writer);
            });
            writer.Operations.ShouldBeGreaterThanOrEqualTo(5); // the writer did commit them

            foreach (var table in Tables)
            {
                var expected = await DumpAsync(viaSaveChanges, table);
                expected.Count.ShouldBeGreaterThan(0, table);
                (await DumpAsync(viaWriter, table)).ShouldBe(expected, table);
            }
        }
        finally
        {
            await viaSaveChanges.DisposeAsync();
            await viaWriter.DisposeAsync();
        }
    }
    [Fact]
    public async Task SaveAsync_TheTicketChangedSinceItWasRead_ThrowsAConflictAndWritesNothing()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Keyboard types twice"))).Ticket!.Number;
        await using var db = database.NewContext();
        var row = await db.Tickets.SingleAsync(t => t.Number == number);
        await using (var other = database.NewContext())
        {
            await other.Tickets.Where(t => t.Number == number).ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version + 1));
        }

        var events = await db.TicketEvents.CountAsync(e => e.TicketNumber == number);
        row.Title = "Stale edit";
        row.Version++;
        db.TicketEvents.Add(new TicketEventRow { TicketNumber = number, Kind = Core.Events.EventKind.NoteAdded, At = T0, ActorKey = Alice.Key, ActorName = Alice.Name });
        using var save = new DirectSave(db);

        var error = await Should.ThrowAsync<DbUpdateConcurrencyException>(() => save.SaveAsync());

        SaveConflict.Is(error).ShouldBeTrue();
        await using var check = database.NewContext();
        (await check.Tickets.SingleAsync(t => t.Number == number)).Title.ShouldBe("Keyboard types twice");
        (await check.TicketEvents.CountAsync(e => e.TicketNumber == number)).ShouldBe(events); // the event of the failed save is not there
    }

    [Fact]
    public async Task SaveAsync_AReceiptStoredBefore_ThrowsAUniqueViolationAsSaveChangesWould()
    {
        var receipt = new InboundReceipt("slack", "direct-" + Guid.NewGuid());
        await using (var first = database.NewContext())
        {
            InboundEventStore.Stage(first, receipt, T0);
            using var save = new DirectSave(first);
            (await save.SaveAsync()).ShouldBe(1);
            first.ChangeTracker.Entries().ShouldBeEmpty(); // nothing left tracked after a save
        }

        await using var again = database.NewContext();
        InboundEventStore.Stage(again, receipt, T0);
        using var repeat = new DirectSave(again);

        var error = await Should.ThrowAsync<DbUpdateException>(() => repeat.SaveAsync());

        UniqueViolation.Is(error).ShouldBeTrue();
    }

    [Fact]
    public async Task SaveAsync_ManySavesInOneTransaction_EachRowWrittenOnceAndRolledBackTogether()
    {
        await using var db = database.NewContext();
        var prefix = "batch-" + Guid.NewGuid().ToString("N");
        using var save = new DirectSave(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            for (var i = 0; i < 20; i++)
            {
                InboundEventStore.Stage(db, new InboundReceipt("slack", $"{prefix}-{i}"), T0);
                (await save.SaveAsync()).ShouldBe(1);
            }

            (await db.InboundEvents.CountAsync(e => e.EventId.StartsWith(prefix))).ShouldBe(20);
            await transaction.RollbackAsync();
        }

        (await db.InboundEvents.CountAsync(e => e.EventId.StartsWith(prefix))).ShouldBe(0);
    }

    /// <summary>Raise with a receipt, accept, escalate with a handoff, accept at Tier 2, note, resolve: every kind of row change.</summary>
    private static async Task LiveAsync(SqliteDatabase db, Func<Harness, TicketWorkflow> workflow)
    {
        using var h = new Harness(db.NewContext, T0);
        var raised = await workflow(h).RaiseAsync(new RaiseTicket(Uma, "slack", "Laptop will not join the VPN"), new Inbound(new InboundReceipt("slack", "raise-1")));
        var number = raised.Ticket!.Number;
        h.Time.Advance(TimeSpan.FromMinutes(3));
        (await workflow(h).ExecuteAsync(number, new AcceptTicket(Alice), new Inbound(new InboundReceipt("slack", "accept-1")))).Succeeded.ShouldBeTrue();
        h.Time.Advance(TimeSpan.FromMinutes(20));
        var handoff = new HandoffNote("Reinstalled the VPN client", "Still fails at sign-in", "Check the certificate on the gateway");
        (await workflow(h).ExecuteAsync(number, new EscalateTicket(Alice, handoff))).Succeeded.ShouldBeTrue();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        (await workflow(h).ExecuteAsync(number, new AcceptTicket(Carol))).Succeeded.ShouldBeTrue();
        (await workflow(h).ExecuteAsync(number, new AddNote(Carol, "Gateway certificate expired"))).Succeeded.ShouldBeTrue();
        h.Time.Advance(TimeSpan.FromMinutes(30));
        (await workflow(h).ExecuteAsync(number, new ResolveTicket(Carol, "Renewed the gateway certificate"))).Succeeded.ShouldBeTrue();
    }

    /// <summary>Every stored value of every row of <paramref name="table"/> as SQLite holds it (type and text), in row order.</summary>
    private static async Task<List<string>> DumpAsync(SqliteDatabase db, string table)
    {
        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : reader.GetDataTypeName(i) + ":" + reader.GetString(i))}")));
        }

        return rows;
    }
}
