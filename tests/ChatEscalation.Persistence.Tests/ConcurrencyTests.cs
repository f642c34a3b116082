using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed class ConcurrencyTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task ExecuteAsync_TwentyFourParallelAccepts_ExactlyOneOwnerOthersRefusedNamingWinner()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        var workflows = Tier1Crowd.Select(u => (User: u, Workflow: h.Workflow())).ToList();

        using var start = new ManualResetEventSlim();
        var tasks = workflows.Select(w => Task.Run(async () =>
        {
            start.Wait();
            return (w.User, Result: await w.Workflow.ExecuteAsync(number, new AcceptTicket(w.User)));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        var winners = results.Where(r => r.Result.Succeeded).ToList();
        winners.Count.ShouldBe(1);
        var winner = winners[0].User;
        results.Where(r => !r.Result.Succeeded).ShouldAllBe(r => r.Result.Message == $"{TicketKey.Format(number)} is already owned by {winner.Name}.");
        (await h.Workflow().GetAsync(number))!.Owner!.Key.ShouldBe(winner.Key);
        (await h.Workflow().EventsAsync(number)).Count(e => e.Kind == EventKind.Accepted).ShouldBe(1);
    }

    [Fact]
    public async Task RaiseAsync_ParallelRaises_GetDistinctConsecutiveNumbers()
    {
        using var h = new Harness(database.NewContext, T0);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", $"Printer {i} jams")))));

        var numbers = results.Select(r => r.Ticket!.Number).Order().ToList();
        numbers.Distinct().Count().ShouldBe(12);
        (numbers[^1] - numbers[0]).ShouldBe(11);
    }

    [Fact]
    public async Task TryRecordAsync_SameEventInParallel_RecordsExactlyOnce()
    {
        using var h = new Harness(database.NewContext, T0);
        var stores = Enumerable.Range(0, 16).Select(_ => new InboundEventStore(h.Context())).ToList();

        var firsts = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryRecordAsync(new("slack", "Ev0123"), T0))));

        firsts.Count(f => f).ShouldBe(1);
        (await stores[0].TryRecordAsync(new("slack", "Ev0123"), T0)).ShouldBeFalse();
        (await stores[0].TryRecordAsync(new("teams", "Ev0123"), T0)).ShouldBeTrue();
    }

    [Fact]
    public async Task RaiseAsync_SameRequestDeliveredEightTimesAtOnce_OneTicketOneAnswer()
    {
        using var h = new Harness(database.NewContext, T0);
        var receipt = new InboundReceipt("slack", "event:Ev-raise-race");
        var reply = new OutboxReply("slack", "D0UMA", Uma, "Raised", null, "{}");
        var inbound = new Inbound(receipt, _ => reply);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Scanner on floor 4 offline"), inbound))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Count(r => r.Repeated).ShouldBe(7);
        await using var db = h.Context();
        (await db.Tickets.CountAsync(t => t.State.Contains("Scanner on floor 4 offline"))).ShouldBe(1);
        (await db.OutboxMessages.CountAsync(o => o.Kind == Core.Notifications.NotificationKind.Reply && o.Lane == "reply:slack:D0UMA")).ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_SameClickDeliveredTwiceAtOnce_OneEffect()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Keyboard types twice"))).Ticket!.Number;
        var inbound = new Inbound(new InboundReceipt("slack", $"action:U0ALICE:accept:{number}"));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice), inbound))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Count(r => r.Repeated).ShouldBe(1);
        await using var db = h.Context();
        (await db.TicketEvents.CountAsync(e => e.TicketNumber == number && e.Kind == Core.Events.EventKind.Accepted)).ShouldBe(1);
    }

    [Fact]
    public Task TryRecordAsync_RepeatsAndPrune_SameAsTheModelStoresTime() => Scenarios.InboundDedupAndPruneAsync(database.NewContext);
}
