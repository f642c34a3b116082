using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>A decision makes the stored deadlines its own set, keeping the unclaimed rows it leaves unchanged.</summary>
public sealed class TicketWorkflowDeadlineTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task ExecuteAsync_AcceptKeepsSomeDeadlines_UnchangedRowsStayClaimedOnesAreReplacedAndTheSetIsTheEngines()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "VPN drops every 10 minutes"))).Ticket!.Number;
        var ticket = (await h.Workflow().GetAsync(number))!;
        var expected = EscalationEngine.Decide(ticket, new AcceptTicket(Alice), Harness.Policy, h.Time.GetUtcNow()).Decision!.Deadlines
            .Select(d => (d.Kind, d.DueAt, d.Tier)).OrderBy(d => d.Kind).ThenBy(d => d.DueAt).ToList();
        await using var db = database.NewContext();
        var before = await db.Deadlines.AsNoTracking().Where(d => d.TicketNumber == number).ToListAsync();
        var kept = before.Where(d => expected.Contains((d.Kind, d.DueAt, d.Tier))).ToList();
        kept.Count.ShouldBeGreaterThan(1); // the accept leaves some deadlines as they were (else this test proves nothing)
        var claimed = kept[0];
        await db.Deadlines.Where(d => d.Id == claimed.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, T0.AddMinutes(2)));

        (await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice))).Succeeded.ShouldBeTrue();

        var after = await db.Deadlines.AsNoTracking().Where(d => d.TicketNumber == number).ToListAsync();
        after.Select(d => (d.Kind, d.DueAt, d.Tier)).OrderBy(d => d.Kind).ThenBy(d => d.DueAt).ShouldBe(expected);
        kept.Skip(1).Select(d => d.Id).ShouldBeSubsetOf(after.Select(d => d.Id)); // unchanged and unclaimed: the same rows
        after.Select(d => d.Id).ShouldNotContain(claimed.Id); // claimed by a sweep: replaced by an unclaimed row
        after.ShouldAllBe(d => d.ClaimedUntil == null);
    }
}
