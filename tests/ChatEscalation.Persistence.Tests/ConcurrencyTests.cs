using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Storage;
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
    public async Task TryRecordInboundAsync_SameEventInParallel_RecordsExactlyOnce()
    {
        using var h = new Harness(database.NewContext, T0);
        var stores = Enumerable.Range(0, 16).Select(_ => new InboundEventStore(h.Context())).ToList();

        var firsts = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryRecordInboundAsync("slack", "Ev0123", T0))));

        firsts.Count(f => f).ShouldBe(1);
        (await stores[0].TryRecordInboundAsync("slack", "Ev0123", T0)).ShouldBeFalse();
        (await stores[0].TryRecordInboundAsync("teams", "Ev0123", T0)).ShouldBeTrue();
    }

    [Fact]
    public Task TryRecordInboundAsync_RepeatsAndPrune_SameAsTheModelStoresTime() => Scenarios.InboundDedupAndPruneAsync(database.NewContext);
}
