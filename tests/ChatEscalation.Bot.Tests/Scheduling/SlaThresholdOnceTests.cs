using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>
/// Issue 5 at host level: a P2 accepted at Tuesday 10:00 (8 business hours to resolve; the P2 functional trigger set to 1 business day so
/// it stays at Tier 1) gets its 75 % warning at 16:00, the 90 % manager ping at 17:12 and the breach at 18:00, once each, over a day of sweeps.
/// </summary>
public sealed class SlaThresholdOnceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset WarnAt = new(2026, 3, 10, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ManagerAt = new(2026, 3, 10, 17, 12, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BreachAt = new(2026, 3, 10, 18, 0, 0, TimeSpan.Zero);
    private SchedulingHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SchedulingHost.StartAsync(settings: new Dictionary<string, string?> { ["Policy:Priorities:P2:EscalateAfter"] = "1d" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SweepNowAsync_EveryThreeMinutesTwiceForADay_WarningManagerAndBreachOnceEachAtTheirMinute()
    {
        var p2 = await _host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        await _host.RunAsync(p2, new AcceptTicket(_host.Person("alice@demo.local")));
        var before = (await _host.OutboxAsync()).Max(o => o.Id);

        while (_host.Time.GetUtcNow() < new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.Zero))
        {
            _host.Time.Advance(TimeSpan.FromMinutes(3));
            await _host.Runner.SweepNowAsync();
            await _host.Runner.SweepNowAsync();
        }

        var events = (await _host.EventsAsync()).Where(e => e.TicketNumber == p2).ToList();
        events.Single(e => e.Kind == EventKind.SlaWarned).At.ShouldBe(WarnAt);
        events.Single(e => e.Kind == EventKind.ManagerPinged).At.ShouldBe(ManagerAt);
        events.Single(e => e.Kind == EventKind.SlaBreached).At.ShouldBe(BreachAt);
        events.ShouldNotContain(e => e.Kind == EventKind.AutoEscalated);
        var outbox = (await _host.OutboxAsync()).Where(o => o.Id > before).ToList();
        outbox.Count(o => o.Audience == "managers").ShouldBe(2);
        outbox.Count(o => o.Audience == "managers" && o.Text.Contains("breached", StringComparison.Ordinal)).ShouldBe(1);
        outbox.Count(o => o.Audience == "dm:lena@demo.local").ShouldBe(1); // the Tier 1 lead's warning
        outbox.Select(o => o.IdempotencyKey).ShouldBeUnique();
    }
}
