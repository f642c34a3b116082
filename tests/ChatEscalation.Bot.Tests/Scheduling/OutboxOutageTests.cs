using ChatEscalation.Bot.Outbox;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>Issue 5, outbox delivery at host level: a 10-minute chat API outage loses nothing and keeps each ticket's order; failures are parked and counted.</summary>
public sealed class OutboxOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(SchedulingHost.T0);
    private ScriptedSender _sender = null!;
    private SchedulingHost _host = null!;

    public async Task InitializeAsync()
    {
        _sender = new ScriptedSender(_time);
        _host = await SchedulingHost.StartAsync(_sender, time: _time);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateTimeOffset OutageEnds => SchedulingHost.T0 + Outage;

    /// <summary>503 for ten minutes, with a 429 + Retry-After every third call, then the API is back.</summary>
    private DeliveryResult? TenMinuteOutage(Delivery delivery, DateTimeOffset now)
    {
        if (now >= OutageEnds) return null;
        return _sender.Attempts.Count % 3 == 2
            ? new DeliveryResult.Retry("429 ratelimited", TimeSpan.FromSeconds(45))
            : new DeliveryResult.Retry("503 service_unavailable");
    }

    /// <summary>Three tickets raised and worked on (accept, escalate with a handoff note, resolve) while the API is down.</summary>
    private async Task<long[]> WorkTicketsDuringTheOutageAsync()
    {
        var alice = _host.Person("alice@demo.local");
        var bob = _host.Person("bob@demo.local");
        var vpn = await _host.RaiseAsync("VPN drops every 10 minutes");
        var outlook = await _host.RaiseAsync("Outlook crashes when opening the calendar");
        var printer = await _host.RaiseAsync("Printer jams on every page");
        await _host.StepAsync(TimeSpan.FromSeconds(20), SchedulingHost.T0 + TimeSpan.FromMinutes(1));
        await _host.RunAsync(vpn, new AcceptTicket(alice));
        await _host.RunAsync(outlook, new AcceptTicket(bob));
        await _host.StepAsync(TimeSpan.FromSeconds(20), SchedulingHost.T0 + TimeSpan.FromMinutes(3));
        await _host.RunAsync(outlook, new EscalateTicket(bob, new HandoffNote("Repaired Office", "Still crashes", "Check the mailbox")));
        await _host.RunAsync(printer, new AcceptTicket(alice));
        await _host.StepAsync(TimeSpan.FromSeconds(20), SchedulingHost.T0 + TimeSpan.FromMinutes(6));
        await _host.RunAsync(printer, new ResolveTicket(alice, "Cleared the paper path"));
        await _host.RunAsync(vpn, new AddNote(alice, "Renewing the VPN certificate"));
        return [vpn, outlook, printer];
    }

    [Fact]
    public async Task DispatchNowAsync_TenMinuteOutage_EveryMessageSentAfterItInIdOrderPerTicket()
    {
        _sender.Answer = TenMinuteOutage;
        var tickets = await WorkTicketsDuringTheOutageAsync();

        await _host.StepAsync(TimeSpan.FromSeconds(15), SchedulingHost.T0 + TimeSpan.FromMinutes(40));

        var outbox = await _host.OutboxAsync();
        outbox.Count.ShouldBeGreaterThan(12);
        outbox.Select(o => o.TicketNumber).Distinct().Order().ShouldBe(tickets.Order());
        outbox.Where(o => o.State != OutboxState.Sent).Select(o => $"{o.Id} {o.State} {o.LastError}").ShouldBeEmpty();
        _sender.Delivered.ShouldAllBe(d => d.At >= OutageEnds);
        outbox.Max(o => o.SentAt!.Value).ShouldBeLessThan(OutageEnds + TimeSpan.FromMinutes(7)); // backoff is capped at 5 min + 20 % jitter
        foreach (var ticket in tickets)
        {
            var delivered = _sender.Delivered.Where(d => d.Delivery.Ticket.Number == ticket).Select(d => d.Delivery.MessageId).ToList();
            // Copies rows (bringing earlier copies up to date) deliver nothing themselves: the scripted sender records no copies.
            delivered.ShouldBe(outbox.Where(o => o.TicketNumber == ticket && o.Audience != "copies").Select(o => o.Id).ToList(), $"ticket {ticket}: delivery order");
        }
        foreach (var ticket in tickets)
            outbox.First(o => o.TicketNumber == ticket).Attempts.ShouldBeGreaterThan(3, $"ticket {ticket}: its first message was retried through the outage");
    }

    [Fact]
    public async Task DispatchNowAsync_TenMinuteOutage_LaterCardChangesEditTheCardPostedAfterTheOutage()
    {
        _sender.Answer = TenMinuteOutage;
        var tickets = await WorkTicketsDuringTheOutageAsync();

        await _host.StepAsync(TimeSpan.FromSeconds(15), SchedulingHost.T0 + TimeSpan.FromMinutes(40));

        foreach (var ticket in tickets)
        {
            var cards = _sender.Delivered.Where(d => d.Delivery.Ticket.Number == ticket && d.Delivery.Kind == NotificationKind.Card
                && d.Delivery.To == Audience.Queue(1)).Select(d => d.Delivery).ToList();
            cards.Count.ShouldBeGreaterThan(1, $"ticket {ticket}: Tier 1 card posted and then changed");
            cards[0].ExistingCard.ShouldBeNull();
            cards.Skip(1).ShouldAllBe(c => c.ExistingCard != null && c.ExistingCard.MessageId == $"m{cards[0].MessageId}");
        }
    }

    [Fact]
    public async Task DispatchNowAsync_PermanentFailure_ParkedCountedByHealthzAndTheTicketsLaterMessagesStillGo()
    {
        var uma = _host.Person("uma@demo.local");
        _sender.Answer = (d, _) => d.Kind == NotificationKind.Direct && d.To == Audience.To(uma) ? new DeliveryResult.Failed("user_not_found") : null;
        var vpn = await _host.RaiseAsync("VPN drops every 10 minutes");
        var alice = _host.Person("alice@demo.local");
        await _host.RunAsync(vpn, new AcceptTicket(alice));
        await _host.RunAsync(vpn, new ResolveTicket(alice, "Renewed the VPN certificate"));

        await _host.StepAsync(TimeSpan.FromSeconds(5), SchedulingHost.T0 + TimeSpan.FromMinutes(1));

        var outbox = await _host.OutboxAsync();
        var toUma = outbox.Where(o => o.Kind == NotificationKind.Direct && o.Audience == "dm:uma@demo.local").ToList();
        toUma.Count.ShouldBeGreaterThanOrEqualTo(2); // accepted by Alice, resolved
        toUma.ShouldAllBe(o => o.State == OutboxState.Parked && o.Attempts == 1 && o.LastError == "user_not_found");
        outbox.Except(toUma).ShouldAllBe(o => o.State == OutboxState.Sent);
        outbox.Where(o => o.TicketNumber == vpn && o.Id > toUma.Min(o => o.Id)).ShouldContain(o => o.State == OutboxState.Sent);
        var health = await _host.HealthAsync();
        health["status"]!.GetValue<string>().ShouldBe("ready");
        health["parkedOutboxMessages"]!.GetValue<int>().ShouldBe(toUma.Count);
    }

    [Fact]
    public async Task RetryParked_FromTheDashboard_DeliveredOnceThePlatformIsBack_UnknownIdIs404()
    {
        var uma = _host.Person("uma@demo.local");
        _sender.Answer = (d, _) => d.Kind == NotificationKind.Direct && d.To == Audience.To(uma) ? new DeliveryResult.Failed("user_not_found") : null;
        var vpn = await _host.RaiseAsync("VPN drops every 10 minutes");
        await _host.RunAsync(vpn, new AcceptTicket(_host.Person("alice@demo.local")));
        await _host.StepAsync(TimeSpan.FromSeconds(5), SchedulingHost.T0 + TimeSpan.FromSeconds(30));
        var parked = (await _host.OutboxAsync()).First(o => o.State == OutboxState.Parked);
        _sender.Answer = (_, _) => null; // Uma can be reached again

        using var client = _host.Client();
        using var forged = await client.PostAsync($"/dashboard/api/parked/{parked.Id}/retry", null); // no antiforgery token: a cross-site form
        using var retry = await client.SendAsync(await Dashboard.DashboardCsrf.PostAsync(client, $"/dashboard/api/parked/{parked.Id}/retry"));
        using var unknown = await client.SendAsync(await Dashboard.DashboardCsrf.PostAsync(client, "/dashboard/api/parked/999999/retry"));
        await _host.Runner.DispatchNowAsync();

        forged.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        retry.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        var after = (await _host.OutboxAsync()).Single(o => o.Id == parked.Id);
        after.State.ShouldBe(OutboxState.Sent);
        using var again = await client.SendAsync(await Dashboard.DashboardCsrf.PostAsync(client, $"/dashboard/api/parked/{parked.Id}/retry"));
        again.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound); // delivered: no longer parked, nothing to retry
        _sender.Attempts.Count(a => a.Delivery.MessageId == parked.Id).ShouldBe(2); // the failed try and the one asked for
        (await _host.HealthAsync())["parkedOutboxMessages"]!.GetValue<int>().ShouldBe((await _host.OutboxAsync()).Count(o => o.State == OutboxState.Parked));
    }

    [Fact]
    public async Task DispatchNowAsync_RetriesExhausted_ParkedAfterMaxAttemptsAndCounted()
    {
        await using var host = await SchedulingHost.StartAsync(_sender, new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3" }, _time);
        _sender.Answer = (d, _) => d.Ticket.Title.Contains("Printer", StringComparison.Ordinal) ? new DeliveryResult.Retry("503 service_unavailable") : null;
        var printer = await host.RaiseAsync("Printer jams on every page");
        var vpn = await host.RaiseAsync("VPN drops every 10 minutes");

        await host.StepAsync(TimeSpan.FromSeconds(30), SchedulingHost.T0 + TimeSpan.FromMinutes(10));

        var outbox = await host.OutboxAsync();
        outbox.Where(o => o.TicketNumber == printer).ShouldAllBe(o => o.State == OutboxState.Parked && o.Attempts == 3);
        outbox.Where(o => o.TicketNumber == vpn).ShouldAllBe(o => o.State == OutboxState.Sent);
        _sender.Attempts.Count(a => a.Delivery.Ticket.Number == printer).ShouldBe(3 * outbox.Count(o => o.TicketNumber == printer));
        (await host.HealthAsync())["parkedOutboxMessages"]!.GetValue<int>().ShouldBe(outbox.Count(o => o.TicketNumber == printer));
    }
}
