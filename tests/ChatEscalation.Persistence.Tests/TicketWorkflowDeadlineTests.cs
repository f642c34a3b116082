using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>
/// A decision stores the earliest of its deadlines as the ticket's one wake-up row, rewritten in place: at most one deadline statement
/// per decision, none when the earliest did not change.
/// </summary>
/// <remarks>Statements are counted by triggers that log every write to "Deadlines" (the writer's plain statements bypass EF's interceptors).</remarks>
public sealed class TicketWorkflowDeadlineTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task RaiseThenAccept_OneRowHoldingTheEarliest_RewrittenByOneUpdate()
    {
        using var h = new Harness(database.NewContext, T0);
        await LogWritesAsync();
        var raised = await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "VPN drops every 10 minutes"));
        var number = raised.Ticket!.Number;
        raised.Decision!.Deadlines.Count.ShouldBeGreaterThan(1); // several pending: else one row per ticket proves nothing
        var first = (await StoredAsync(number)).ShouldHaveSingleItem();
        (await WritesAsync(number)).ShouldBe(["insert"]);

        var accepted = await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));

        accepted.Succeeded.ShouldBeTrue(accepted.Message);
        var earliest = Earliest(accepted.Decision!.Deadlines);
        earliest.Kind.ShouldNotBe(first.Kind); // the accept changed the earliest deadline (the acceptance timeout is gone)
        var row = (await StoredAsync(number)).ShouldHaveSingleItem();
        (row.Id, row.Kind, row.DueAt, row.Tier, row.ClaimedUntil).ShouldBe((first.Id, earliest.Kind, earliest.DueAt, earliest.Tier, (DateTimeOffset?)null));
        (await WritesAsync(number)).ShouldBe(["insert", "update"]);
    }

    [Fact]
    public async Task Note_TheEarliestUnchanged_NoDeadlineStatement()
    {
        using var h = new Harness(database.NewContext, T0);
        await LogWritesAsync();
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Printer jams on every page"))).Ticket!.Number;
        (await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice))).Succeeded.ShouldBeTrue();
        var before = (await StoredAsync(number)).ShouldHaveSingleItem();
        h.Time.Advance(TimeSpan.FromMinutes(5));

        var noted = await h.Workflow().ExecuteAsync(number, new AddNote(Alice, "Ordered a new fuser"));

        noted.Succeeded.ShouldBeTrue(noted.Message);
        (await StoredAsync(number)).ShouldHaveSingleItem().ShouldBeEquivalentTo(before);
        (await WritesAsync(number)).ShouldBe(["insert", "update"]); // the raise's and the accept's, nothing for the note
    }

    [Fact]
    public async Task ClaimedBySweep_TheDecisionReleasesTheClaimInTheSameUpdate()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Teams calls drop after a minute"))).Ticket!.Number;
        await using (var db = database.NewContext())
            await db.Deadlines.Where(d => d.TicketNumber == number).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, T0.AddMinutes(2)));
        await LogWritesAsync();
        var earlier = (await WritesAsync(number)).Count;

        var accepted = await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));

        accepted.Succeeded.ShouldBeTrue(accepted.Message);
        (await StoredAsync(number)).ShouldHaveSingleItem().ClaimedUntil.ShouldBeNull();
        (await WritesAsync(number)).Skip(earlier).ShouldBe(["update"]);
    }

    [Fact]
    public async Task RowsOfTheEarlierLayout_OneKeptAndRewritten_TheRestDeleted()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Shared drive asks for a password"))).Ticket!.Number;
        var ticket = (await h.Workflow().GetAsync(number))!;
        await using (var db = database.NewContext())
        {
            // A database written before one row per ticket: a row for every pending deadline.
            await db.Deadlines.Where(d => d.TicketNumber == number).ExecuteDeleteAsync();
            db.Deadlines.AddRange(DeadlinePlanner.Plan(ticket, Harness.Policy).Select(d => new DeadlineRow { TicketNumber = number, Kind = d.Kind, DueAt = d.DueAt, Tier = d.Tier }));
            await db.SaveChangesAsync();
        }
        var old = await StoredAsync(number);
        old.Count.ShouldBeGreaterThan(1);

        var accepted = await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));

        accepted.Succeeded.ShouldBeTrue(accepted.Message);
        var earliest = Earliest(accepted.Decision!.Deadlines);
        var row = (await StoredAsync(number)).ShouldHaveSingleItem();
        (row.Kind, row.DueAt, row.Tier).ShouldBe((earliest.Kind, earliest.DueAt, earliest.Tier));
        old.Select(d => d.Id).ShouldContain(row.Id);
    }

    [Fact]
    public async Task Cancel_NothingPending_TheRowIsDeleted()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Laptop will not charge"))).Ticket!.Number;

        var cancelled = await h.Workflow().ExecuteAsync(number, new CancelTicket(Uma, "It was the cable"));

        cancelled.Succeeded.ShouldBeTrue(cancelled.Message);
        cancelled.Decision!.Deadlines.ShouldBeEmpty();
        (await StoredAsync(number)).ShouldBeEmpty();
    }

    private static Deadline Earliest(IEnumerable<Deadline> deadlines) => deadlines.OrderBy(d => d.DueAt).ThenBy(d => d.Kind).First();

    private async Task<List<DeadlineRow>> StoredAsync(long number)
    {
        await using var db = database.NewContext();
        return await db.Deadlines.AsNoTracking().Where(d => d.TicketNumber == number).OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>Logs every later insert, update and delete of a "Deadlines" row with its ticket number (idempotent).</summary>
    private async Task LogWritesAsync()
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS "DeadlineWrites" ("Seq" INTEGER PRIMARY KEY, "TicketNumber" INTEGER, "Op" TEXT);
            CREATE TRIGGER IF NOT EXISTS "LogDeadlineInsert" AFTER INSERT ON "Deadlines" BEGIN INSERT INTO "DeadlineWrites" ("TicketNumber", "Op") VALUES (NEW."TicketNumber", 'insert'); END;
            CREATE TRIGGER IF NOT EXISTS "LogDeadlineUpdate" AFTER UPDATE ON "Deadlines" BEGIN INSERT INTO "DeadlineWrites" ("TicketNumber", "Op") VALUES (NEW."TicketNumber", 'update'); END;
            CREATE TRIGGER IF NOT EXISTS "LogDeadlineDelete" AFTER DELETE ON "Deadlines" BEGIN INSERT INTO "DeadlineWrites" ("TicketNumber", "Op") VALUES (OLD."TicketNumber", 'delete'); END;
            """);
    }

    private async Task<List<string>> WritesAsync(long number)
    {
        await using var db = database.NewContext();
        return await db.Database.SqlQueryRaw<string>("SELECT \"Op\" AS \"Value\" FROM \"DeadlineWrites\" WHERE \"TicketNumber\" = {0} ORDER BY \"Seq\"", number).ToListAsync();
    }
}
