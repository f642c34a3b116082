using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Sweeping;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <remarks>A fresh database per test: a sweep sees every due row, so tickets of other tests must not be there.</remarks>
public sealed class DeadlineSweeperTests : IAsyncLifetime
{
    private readonly SqliteDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    /// <summary>P3 escalates after 2 business days: accepted Monday 10:00, due Wednesday 10:00 London.</summary>
    private static readonly DateTimeOffset EscalationDue = T0.AddDays(2);

    [Fact]
    public async Task SweepAsync_FunctionalEscalationDue_FiresOnceAndSecondSweepDoesNothing()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = await AcceptedTicketAsync(h);
        var now = EscalationDue.AddMinutes(1);
        (await h.Sweeper().SweepAsync(EscalationDue.AddMinutes(-1))).Tickets.ShouldBe(0);

        var first = await h.Sweeper().SweepAsync(now);
        var second = await h.Sweeper().SweepAsync(now);

        first.Tickets.ShouldBe(1);
        first.Events.ShouldBeGreaterThanOrEqualTo(1);
        first.Fired.ShouldStartWith($"{TicketKey.Format(number)} (AutoEscalated");
        second.ShouldBe(new SweepResult(0, 0, 0));
        var ticket = (await h.Workflow().GetAsync(number))!;
        (ticket.Tier, ticket.Status, ticket.Owner).ShouldBe((2, TicketStatus.Queued, (UserRef?)null));
        (await h.Workflow().EventsAsync(number)).Count(e => e.Kind == EventKind.AutoEscalated).ShouldBe(1);
        await using var db = database.NewContext();
        (await db.Deadlines.Where(d => d.TicketNumber == number).ToListAsync()).ShouldAllBe(d => d.DueAt > now && d.Tier == 2 && d.ClaimedUntil == null);
        (await db.OutboxMessages.CountAsync(o => o.TicketNumber == number && o.Audience == "tier-2" && o.Kind == Core.Notifications.NotificationKind.Card)).ShouldBe(2);
    }

    [Fact]
    public async Task SweepAsync_CrashBetweenClaimAndCommit_EscalatesExactlyOnceAfterLeaseExpires()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = await AcceptedTicketAsync(h);
        var now = EscalationDue.AddMinutes(1);
        var crashing = h.Sweeper();
        crashing.AfterClaim = (n, _) => n == number ? throw new InvalidOperationException("process died") : Task.CompletedTask;

        await Should.ThrowAsync<InvalidOperationException>(() => crashing.SweepAsync(now));

        (await h.Workflow().GetAsync(number))!.Tier.ShouldBe(1);
        await using (var db = database.NewContext())
            (await db.Deadlines.Where(d => d.TicketNumber == number && d.DueAt <= now).ToListAsync()).ShouldAllBe(d => d.ClaimedUntil == now + DeadlineSweeper.Lease);
        (await h.Sweeper().SweepAsync(now.AddMinutes(1))).Tickets.ShouldBe(0);

        var afterLease = now + DeadlineSweeper.Lease + TimeSpan.FromSeconds(1);
        (await h.Sweeper().SweepAsync(afterLease)).Tickets.ShouldBe(1);
        (await h.Sweeper().SweepAsync(afterLease)).Tickets.ShouldBe(0);

        (await h.Workflow().GetAsync(number))!.Tier.ShouldBe(2);
        (await h.Workflow().EventsAsync(number)).Count(e => e.Kind == EventKind.AutoEscalated).ShouldBe(1);
    }

    [Fact]
    public async Task SweepAsync_TicketAcceptedAfterClaim_FiresNothing()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        var now = T0.AddHours(4).AddMinutes(1);
        h.Time.SetUtcNow(now);
        var sweeper = h.Sweeper();
        sweeper.AfterClaim = async (n, ct) => (await h.Workflow().ExecuteAsync(n, new AcceptTicket(Alice), ct)).Succeeded.ShouldBeTrue();

        var result = await sweeper.SweepAsync(now);

        result.ShouldBe(new SweepResult(1, 0, 0));
        (await h.Workflow().EventsAsync(number)).Select(e => e.Kind).ShouldBe([EventKind.Raised, EventKind.Accepted]);
    }

    [Fact]
    public async Task SweepAsync_TicketAcceptedBetweenTickAndSave_SkipsReleasesLeaseAndSavesNothing()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        var now = T0.AddHours(4).AddMinutes(1);
        h.Time.SetUtcNow(now);
        var sweeper = h.Sweeper();
        sweeper.BeforeSave = async (n, ct) => (await h.Workflow().ExecuteAsync(n, new AcceptTicket(Alice), ct)).Succeeded.ShouldBeTrue();

        var result = await sweeper.SweepAsync(now);

        result.ShouldBe(new SweepResult(0, 0, 1));
        (await h.Workflow().EventsAsync(number)).Select(e => e.Kind).ShouldBe([EventKind.Raised, EventKind.Accepted]);
        var ticket = (await h.Workflow().GetAsync(number))!;
        (ticket.Status, ticket.Owner!.Key, ticket.Version).ShouldBe((TicketStatus.Accepted, Alice.Key, 2));
        await using var db = database.NewContext();
        (await db.Deadlines.Where(d => d.TicketNumber == number).ToListAsync()).ShouldAllBe(d => d.ClaimedUntil == null);
        (await db.OutboxMessages.CountAsync(o => o.TicketNumber == number && o.Text.Contains("Reminder"))).ShouldBe(0);
    }

    private static async Task<long> AcceptedTicketAsync(Harness h)
    {
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        (await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice))).Succeeded.ShouldBeTrue();
        return number;
    }
}
