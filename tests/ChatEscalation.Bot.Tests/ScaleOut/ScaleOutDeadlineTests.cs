using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Tests;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.ScaleOut;

/// <summary>
/// Several instances on one PostgreSQL: both instances sweep at the same moments through a working day, so every due deadline is
/// claimed by two sweepers at once; each still fires exactly once, and each resulting message is delivered once.
/// </summary>
public sealed class ScaleOutDeadlineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset WarnAt = new(2026, 3, 10, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ManagerAt = new(2026, 3, 10, 17, 12, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BreachAt = new(2026, 3, 10, 18, 0, 0, TimeSpan.Zero);
    private ScaleOutHarness h = null!;

    public async Task InitializeAsync()
    {
        // P2: 8 business hours to resolve; the functional trigger moved to a day so the tickets stay at Tier 1 (as in SlaThresholdOnceTests).
        // The test dispatches itself, on both instances at once after the sweeps, instead of on each commit: the fake clock jumps three
        // minutes a step, and a send in flight across a jump would outlive its claim's lease in fake time, which real time never allows
        // (a send's budget is shorter than the lease).
        if (PostgresCluster.FindBinaries() is not null)
            h = await ScaleOutHarness.StartAsync(new Dictionary<string, string?>
            {
                ["Policy:Priorities:P2:EscalateAfter"] = "1d",
                ["Outbox:DispatchOnCommit"] = "false",
            });
    }

    public async Task DisposeAsync()
    {
        if (h is not null) await h.DisposeAsync();
    }

    [PostgresFact]
    public async Task SweepsOnBothInstancesAtOnce_EveryDeadlineFiresOnce_EveryMessageDeliveredOnce()
    {
        const int count = 12;
        await h.InstallTeamsAsync();
        var numbers = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var instance = h.Both[i % 2];
            await using var scope = instance.Services.CreateAsyncScope();
            var policy = scope.ServiceProvider.GetRequiredService<EscalationPolicy>();
            var workflow = scope.ServiceProvider.GetRequiredService<TicketWorkflow>();
            var raised = await workflow.RaiseAsync(new RaiseTicket(policy.Person("uma@demo.local"), "slack", $"Laptop {i} will not boot", Impact: Impact.High, Urgency: Urgency.Medium));
            var number = raised.Ticket!.Number;
            (await workflow.ExecuteAsync(number, new AcceptTicket(policy.Person("alice@demo.local")))).Succeeded.ShouldBeTrue();
            numbers.Add(number);
        }

        // Nothing is due before 16:00: one sweep at 15:57, then every three minutes past the breach.
        h.Time.Advance(WarnAt.AddMinutes(-6) - h.Time.GetUtcNow());
        while (h.Time.GetUtcNow() < BreachAt.AddMinutes(3))
        {
            h.Time.Advance(TimeSpan.FromMinutes(3));
            await h.SweepOnBothAsync();
        }

        var events = (await h.EventsAsync()).Where(e => e.Kind is EventKind.SlaWarned or EventKind.ManagerPinged or EventKind.SlaBreached).ToList();
        foreach (var number in numbers)
        {
            var mine = events.Where(e => e.TicketNumber == number).ToList();
            mine.Single(e => e.Kind == EventKind.SlaWarned).At.ShouldBe(WarnAt);
            mine.Single(e => e.Kind == EventKind.ManagerPinged).At.ShouldBe(ManagerAt);
            mine.Single(e => e.Kind == EventKind.SlaBreached).At.ShouldBe(BreachAt);
        }

        events.Count.ShouldBe(3 * count);
        var outbox = (await h.OutboxAsync()).Where(o => o.Platform != "local").ToList();
        outbox.Count(o => o.Audience == "managers").ShouldBe(2 * count * 2); // the 90 % ping and the breach, on Slack and on Teams

        await h.DispatchOnBothAsync();
        outbox = (await h.OutboxAsync()).Where(o => o.Platform != "local").ToList();
        outbox.Where(o => o.State != OutboxState.Sent && o.State != OutboxState.Skipped).Select(o => $"{o.Id} {o.Platform} {o.Audience} {o.State} {o.LastError}").ShouldBeEmpty();
        // A copies row (edits of the copies posted before) sends nothing of its own; every other row is delivered exactly once.
        var copies = outbox.Where(o => o.Audience == "copies").Select(o => o.Id).ToHashSet();
        var deliveries = h.Deliveries.Entries.Where(d => !copies.Contains(d.OutboxId)).ToList();
        deliveries.GroupBy(d => d.OutboxId).ShouldAllBe(g => g.Count() == 1);
        deliveries.Select(d => d.OutboxId).Order().ShouldBe(outbox.Where(o => !copies.Contains(o.Id)).Select(o => o.Id));
    }
}
