using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>Issue 5 at host level: deadlines missed while the bot was down fire at the next sweep, oldest first, most severe SLA message only, marked late.</summary>
public sealed class LateDeadlineTests : IAsyncLifetime
{
    private SchedulingHost _host = null!;

    public async Task InitializeAsync() => _host = await SchedulingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A P3 at 10:00 (accept within 4 business hours: 14:00) and an unaccepted P2 at 10:05 (accept within 30 min: 10:35, resolve within 8 h).</summary>
    private async Task<(long P3, long P2)> RaiseAndGoDownUntilWednesdayNoonAsync()
    {
        var p3 = await _host.RaiseAsync("Printer jams on every page");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var p2 = await _host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero)); // no sweep for 26 hours
        return (p3, p2);
    }

    [Fact]
    public async Task SweepNowAsync_AfterDowntime_OldestDueTicketFiresFirst()
    {
        var (p3, p2) = await RaiseAndGoDownUntilWednesdayNoonAsync();
        var before = (await _host.EventsAsync()).Max(e => e.Id);

        await _host.Runner.SweepNowAsync();

        var fired = (await _host.EventsAsync()).Where(e => e.Id > before).ToList();
        fired.Select(e => e.TicketNumber).Distinct().ShouldBe([p2, p3]); // the P2's 10:35 deadline before the P3's 14:00, despite its higher number
        fired.Where(e => e.TicketNumber == p2).Max(e => e.Id).ShouldBeLessThan(fired.Where(e => e.TicketNumber == p3).Min(e => e.Id));
    }

    [Fact]
    public async Task SweepNowAsync_AfterDowntimePastEveryThreshold_OnlyTheBreachIsAnnounced()
    {
        var (_, p2) = await RaiseAndGoDownUntilWednesdayNoonAsync();
        var beforeOutbox = (await _host.OutboxAsync()).Max(o => o.Id);

        await _host.Runner.SweepNowAsync();
        await _host.Runner.SweepNowAsync(); // and again: nothing more

        var kinds = (await _host.EventsAsync()).Where(e => e.TicketNumber == p2).Select(e => e.Kind).ToList();
        kinds.ShouldContain(EventKind.SlaBreached);
        kinds.Count(k => k == EventKind.SlaBreached).ShouldBe(1);
        kinds.ShouldNotContain(EventKind.SlaWarned);
        var alerts = (await _host.OutboxAsync()).Where(o => o.Id > beforeOutbox && o.TicketNumber == p2 && o.Audience == "managers").ToList();
        alerts.Count(a => a.Text.Contains("breached", StringComparison.Ordinal)).ShouldBe(1);
        alerts.ShouldNotContain(a => a.Text.Contains("left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepNowAsync_AfterDowntime_MessagesAndEventsSayTheyAreLate()
    {
        var (p3, p2) = await RaiseAndGoDownUntilWednesdayNoonAsync();
        var beforeOutbox = (await _host.OutboxAsync()).Max(o => o.Id);
        var beforeEvents = (await _host.EventsAsync()).Max(e => e.Id);

        await _host.Runner.SweepNowAsync();

        var fired = (await _host.EventsAsync()).Where(e => e.Id > beforeEvents).ToList();
        fired.ShouldNotBeEmpty();
        fired.ShouldAllBe(e => e.Late != null && e.Late > TimeSpan.FromHours(1));
        var said = (await _host.OutboxAsync()).Where(o => o.Id > beforeOutbox && o.Text.Length > 0).ToList();
        said.Select(o => o.TicketNumber).Distinct().Order().ShouldBe(new[] { p3, p2 }.Order());
        said.ShouldAllBe(o => o.Text.StartsWith("(Late by", StringComparison.Ordinal));
        said.Single(o => o.TicketNumber == p2 && o.Audience == "managers" && o.Text.Contains("breached", StringComparison.Ordinal))
            .Kind.ShouldBe(NotificationKind.Alert);
    }
}
